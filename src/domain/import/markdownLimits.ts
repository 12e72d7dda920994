/**
 * What a card's Markdown may ask of the renderer. Parsing Markdown, typesetting math and
 * highlighting code are recursive and, on some inputs, far slower than linear: 3,000 nested `> `
 * overflowed the stack, and 600 formulas took 3 s in one task. Texts are checked with cheap linear
 * scans, on import (a text over a limit is refused, naming the limit) and before rendering (it
 * is then shown as plain text). The renderer also renders a long text a chunk of blocks at a
 * time (`markdownChunks`), so no single task typesets more than one chunk.
 */
export const MARKDOWN_LIMITS = {
  /** Blockquotes and lists inside each other (a line's `>`, list markers and indentation). */
  nesting: 32,
  /** Brackets open at once inside code: highlighting recurses into each (`f"{` × 3,000). */
  codeNesting: 32,
  /** Emphasis and strikethrough delimiters in one block (`*`, `_` outside words, `~`). */
  delimitersPerBlock: 1_000,
  /** Delimiters in a row (`***` is bold italic; `*_*_…` is matched in quadratic time). */
  delimiterRun: 16,
  /** Emphasis opened and not yet closed (`*a *a *a …`), in one block. */
  emphasisNesting: 32,
  /** Formulas in one block, and in the whole text. */
  formulasPerBlock: 30,
  formulas: 200,
  /** Matrix and array cells (`&`, `\\`) in the whole text's math. */
  mathCells: 400,
  /** Characters in one block outside code: a block is typeset in one task. */
  blockChars: 6_000,
  /**
   * Characters of math in one block: a block is laid out in one frame, and KaTeX's markup is most
   * of that work (1,800 characters of formulas in a paragraph took about 90 ms of CPU to lay out
   * and paint). The longest in the bundled decks is 269.
   */
  mathCharsPerBlock: 1_000,
} as const;

/**
 * What the renderer takes: the import's limits, except those added later, so a text imported
 * before them still renders (at a cost the import no longer lets in).
 */
export const RENDER_LIMITS: Record<MarkdownLimit, number> = {
  ...MARKDOWN_LIMITS,
  mathCharsPerBlock: Infinity,
};

export type MarkdownLimit = keyof typeof MARKDOWN_LIMITS;

export interface MarkdownStats {
  nesting: number;
  codeNesting: number;
  delimitersPerBlock: number;
  delimiterRun: number;
  emphasisNesting: number;
  formulasPerBlock: number;
  formulas: number;
  mathCells: number;
  blockChars: number;
  mathCharsPerBlock: number;
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Containers a line opens: leading indentation (two columns a level), `>` and list markers. */
function lineNesting(line: string): number {
  let i = 0;
  let columns = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) columns += line[i++] === '\t' ? 4 : 1;
  let depth = Math.floor(columns / 2);
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '>') {
      depth++;
      i++;
      continue;
    }
    const marker = listMarker.exec(line.slice(i, i + 12));
    if (!marker) return depth;
    depth++;
    i += marker[0].length;
  }
}

const isDelimiter = (c: string) => c === '*' || c === '_' || c === '~';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Block {
  start: number;
  end: number;
}

/**
 * One pass over the text: its blocks (split at blank lines outside code and display math) and
 * what each asks of the renderer.
 */
export function scanMarkdown(text: string): { stats: MarkdownStats; blocks: Block[]; formulasIn: number[] } {
  const stats: MarkdownStats = {
    nesting: 0,
    codeNesting: 0,
    delimitersPerBlock: 0,
    delimiterRun: 0,
    emphasisNesting: 0,
    formulasPerBlock: 0,
    formulas: 0,
    mathCells: 0,
    blockChars: 0,
    mathCharsPerBlock: 0,
  };
  const blocks: Block[] = [];
  const formulasIn: number[] = [];
  let open: string | null = null; // the fence of the code block we are in
  let displayMath = false;
  let blockStart = 0;
  let delimiters = 0;
  let pending = 0;
  let dollars = 0;
  let prose = 0;
  let mathChars = 0;
  let bracketDepth = 0;
  const endBlock = (end: number) => {
    if (end > blockStart) {
      blocks.push({ start: blockStart, end });
      formulasIn.push(Math.floor(dollars / 2));
    }
    stats.delimitersPerBlock = Math.max(stats.delimitersPerBlock, delimiters);
    stats.formulasPerBlock = Math.max(stats.formulasPerBlock, Math.floor(dollars / 2));
    stats.blockChars = Math.max(stats.blockChars, prose);
    stats.mathCharsPerBlock = Math.max(stats.mathCharsPerBlock, mathChars);
    delimiters = dollars = prose = pending = mathChars = 0;
  };
  let pos = 0;
  while (pos <= text.length) {
    const next = text.indexOf('\n', pos);
    const lineEnd = next === -1 ? text.length : next;
    const line = text.slice(pos, lineEnd);
    const fenceMatch = fence.exec(line);
    if (open !== null) {
      if (fenceMatch && fenceMatch[1]![0] === open[0] && fenceMatch[1]!.length >= open.length) open = null;
      else
        for (const c of line) {
          if (c === '(' || c === '[' || c === '{')
            stats.codeNesting = Math.max(stats.codeNesting, ++bracketDepth);
          else if ((c === ')' || c === ']' || c === '}') && bracketDepth > 0) bracketDepth--;
        }
    } else if (fenceMatch) {
      open = fenceMatch[1]!;
      bracketDepth = 0;
    } else if (line.trim() === '' && !displayMath) {
      endBlock(pos);
      blockStart = lineEnd + 1;
    } else {
      stats.nesting = Math.max(stats.nesting, lineNesting(line));
      prose += line.length + 1;
      if (line.trim() === '$$') {
        displayMath = !displayMath;
        if (displayMath) {
          dollars += 2;
          stats.formulas++;
        }
        if (next === -1) break;
        pos = next + 1;
        continue;
      }
      let inCode = false;
      let inMath = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if ((inMath || displayMath) && c !== '$') mathChars++;
        if (c === '\\') {
          if ((inMath || displayMath) && line[i + 1] === '\\') stats.mathCells++;
          if (inMath || displayMath) mathChars++;
          i++;
        } else if (c === '`') inCode = !inCode;
        else if (inCode) continue;
        else if (c === '$') {
          dollars++;
          stats.formulas += inMath ? 0 : 1;
          inMath = !inMath;
          if (line[i + 1] === '$') i++;
        } else if (inMath || displayMath) {
          if (c === '&') stats.mathCells++;
        } else if (isDelimiter(c)) {
          let j = i + 1;
          while (j < line.length && isDelimiter(line[j]!)) j++;
          const before = line[i - 1];
          const after = line[j];
          if (!(j === i + 1 && c === '_' && isWordChar(before) && isWordChar(after))) {
            delimiters += j - i;
            stats.delimiterRun = Math.max(stats.delimiterRun, j - i);
            const spaceBefore = before === undefined || /\s/.test(before);
            const spaceAfter = after === undefined || /\s/.test(after);
            if (spaceBefore && !spaceAfter)
              stats.emphasisNesting = Math.max(stats.emphasisNesting, ++pending);
            else if (!spaceBefore && spaceAfter && pending > 0) pending--;
          }
          i = j - 1;
        }
      }
    }
    if (next === -1) break;
    pos = next + 1;
  }
  endBlock(text.length);
  return { stats, blocks, formulasIn };
}

/** The first limit `text` goes over, with what it has; null when the renderer can take it. */
export function markdownOverLimit(
  text: string,
  limits: Record<MarkdownLimit, number> = MARKDOWN_LIMITS,
): { limit: MarkdownLimit; value: number } | null {
  const { stats } = scanMarkdown(text);
  for (const limit of Object.keys(limits) as MarkdownLimit[]) {
    if (stats[limit] > limits[limit]) return { limit, value: stats[limit] };
  }
  return null;
}

const CHUNK_CHARS = 1_500;
const CHUNK_FORMULAS = 15;

/**
 * A text as chunks of whole blocks, about 1,500 characters or 15 formulas each, to render one
 * per task. A chunk never starts with an indented line, a list item, a quote or a table row, so
 * lists, quotes and tables stay in one piece.
 */
export function markdownChunks(text: string): string[] {
  const { blocks, formulasIn } = scanMarkdown(text);
  const chunks: string[] = [];
  let start = 0;
  let chars = 0;
  let formulas = 0;
  blocks.forEach((block, i) => {
    const first = text.slice(block.start, block.start + 12);
    const continues = /^[ \t>|]/.test(first) || listMarker.test(first);
    if (i > 0 && !continues && (chars >= CHUNK_CHARS || formulas >= CHUNK_FORMULAS)) {
      chunks.push(text.slice(start, block.start));
      start = block.start;
      chars = formulas = 0;
    }
    chars += block.end - block.start;
    formulas += formulasIn[i]!;
  });
  chunks.push(text.slice(start));
  return chunks;
}
