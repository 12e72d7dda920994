import { jsonErrorAt } from './jsonErrorAt';
import { lineAt } from './text';
import type { DataProblem } from './problem';

/**
 * The one key that reaches an object's prototype when data is copied by assignment. JSON.parse
 * makes `constructor` and `prototype` plain own properties, and a topic may well be named so.
 */
const FORBIDDEN = new Set(['__proto__']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: DataProblem };

/**
 * JSON.parse plus what it lets through: prototype keys and numbers too large to be finite
 * (`1e999` parses as Infinity). Errors name the line, or the path of the offending key.
 */
export function parseJson(text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: syntaxProblem(text, error) };
  }
  const bad = findUnsafe(value);
  return bad ? { ok: false, problem: bad } : { ok: true, value };
}

function syntaxProblem(text: string, error: unknown): DataProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : jsonErrorAt(text);
  const end = text.trimEnd().length;
  if (/end of JSON input/i.test(message) || (position !== null && position >= end)) {
    return { code: 'truncated', ...lineAt(text, end) };
  }
  // The engine's message is English; the text where parsing stopped reads the same in any language.
  if (position === null) return { code: 'notJson' };
  return { code: 'invalidJson', detail: excerpt(text, position), ...lineAt(text, position) };
}

/** A few characters of one line, from where parsing stopped. */
function excerpt(text: string, position: number): string {
  const line = text.slice(position).split(/\r?\n/, 1)[0]!;
  const chars = [...line];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : line;
}

type Frame = { value: unknown; path: string };

/** Walks the parsed value without recursion, so a deeply nested file cannot overflow the stack. */
function findUnsafe(root: unknown): DataProblem | null {
  const stack: Frame[] = [{ value: root, path: '' }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { code: 'notFinite', field: path || '(root)' };
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, path: join(path, i) });
        else if (typeof item === 'number' && !Number.isFinite(item)) {
          return { code: 'notFinite', field: join(path, i) };
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN.has(key)) return { code: 'forbiddenKey', field: join(path, key), detail: key };
        stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key) });
      }
    }
  }
  return null;
}
