import { formatTooLarge } from './limits';
import type { DataProblem } from './problem';

/**
 * Decodes a file's bytes as UTF-8, refusing what is not text (an .apkg, a spreadsheet) and
 * what is in another encoding (a GBK or Latin-1 CSV), rather than importing mojibake.
 */
export function decodeText(
  bytes: Uint8Array,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; problem: DataProblem } {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      problem: { code: 'tooLarge', detail: formatTooLarge(bytes.byteLength, maxBytes) },
    };
  }
  if (bytes.byteLength === 0) return { ok: false, problem: { code: 'empty' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'notUtf8' } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, problem: { code: 'notText', ...lineAt(text, nul) } };
  if (text.trim() === '') return { ok: false, problem: { code: 'empty' } };
  return { ok: true, text };
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): { line: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line };
}
