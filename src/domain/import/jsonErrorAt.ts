const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** The end of the string that opens at `i`, or where it goes wrong (as a negative `-1 - at`). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
    else if (c < 0x20) return -1 - j;
  }
  return -1 - text.length;
}

/**
 * Where `text` stops being JSON (its length when it ends too early), or null if it is JSON.
 * JSON.parse names the position for most errors but not for an unexpected token (`NaN`, `[1,]`),
 * so a refusal can still show the user where to look. Iterative: nesting depth costs no stack.
 */
export function jsonErrorAt(text: string): number | null {
  const open: string[] = [];
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value';
  let i = 0;
  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
    if (i >= text.length) return expect === 'after' && open.length === 0 ? null : text.length;
    const c = text[i]!;
    if (expect === 'after') {
      const top = open.at(-1);
      if (top && c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) open.pop();
      else return i;
      i++;
    } else if (expect === 'key' || expect === 'firstKey') {
      if (expect === 'firstKey' && c === '}') {
        open.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -1 - end;
      WHITESPACE.lastIndex = end;
      WHITESPACE.exec(text);
      i = WHITESPACE.lastIndex;
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'firstValue' && c === ']') {
      open.pop();
      i++;
      expect = 'after';
    } else if (c === '{' || c === '[') {
      open.push(c);
      i++;
      expect = c === '{' ? 'firstKey' : 'firstValue';
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -1 - end;
      i = end;
      expect = 'after';
    } else {
      NUMBER.lastIndex = i;
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      const length = literal?.length ?? (NUMBER.exec(text) ? NUMBER.lastIndex - i : 0);
      if (length === 0) return i;
      i += length;
      expect = 'after';
    }
  }
}
