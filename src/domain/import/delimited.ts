import type { DataProblem } from './problem';

export interface TextRecord {
  fields: string[];
  /** 1-based line where the record starts in the file. */
  line: number;
}

export type DelimitedResult = { ok: true; records: TextRecord[] } | { ok: false; problem: DataProblem };

/**
 * Splits delimited text the way Anki's importer (the Rust `csv` crate) does: RFC 4180 quoting
 * with `""` for a quote and line breaks inside quotes, `\n`, `\r\n` or `\r` between records,
 * blank lines and lines starting with `#` skipped, a quote inside an unquoted field kept as
 * text. An opening quote that never closes means the file was cut short: refused.
 */
export function parseDelimited(text: string, separator: string, firstLine = 1): DelimitedResult {
  const records: TextRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = firstLine;
  while (i < n) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      i = skipBreak(text, i);
      line++;
      continue;
    }
    if (ch === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) return { ok: false, problem: { code: 'unterminatedQuote', line: quoteLine } };
          const chunk = text.slice(i, close);
          line += countBreaks(chunk);
          value += chunk;
          i = close + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
      }
      // Unquoted text, or whatever follows a closing quote, runs to the separator or line end.
      let end = i;
      while (end < n && text[end] !== separator && text[end] !== '\n' && text[end] !== '\r') end++;
      value += text.slice(i, end);
      fields.push(value.replace(/\r\n?/g, '\n'));
      i = end;
      if (i < n && text[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    records.push({ fields, line: start });
  }
  return { ok: true, records };
}

function skipBreak(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}

function countBreaks(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i];
    if (c === '\n') count++;
    else if (c === '\r' && chunk[i + 1] !== '\n') count++;
  }
  return count;
}

const needsQuotes = (value: string, separator: string) =>
  value.includes(separator) || /["\r\n]/.test(value) || value.startsWith('#');

/** One field, quoted only when it must be, so the row reads back exactly. */
export function formatField(value: string, separator: string): string {
  return needsQuotes(value, separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const formatRow = (fields: string[], separator: string): string =>
  fields.map((f) => formatField(f, separator)).join(separator);
