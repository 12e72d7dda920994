/**
 * Search tokens for English and Chinese alike. Chinese has no spaces, and a word segmenter splits
 * the same word differently by context ("梯度下降" vs "的梯度"), so a run of Han characters is
 * indexed as its overlapping character pairs (a lone character as itself): a query matches
 * wherever its characters stand together, which is what a person expects. Everything else is
 * split into words of letters and digits, lower-cased.
 */
const HAN = /\p{Script=Han}+/u;
const PIECES = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [piece] of text.matchAll(PIECES)) {
    if (!HAN.test(piece)) {
      out.push(piece.toLowerCase());
      continue;
    }
    const chars = [...piece];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A Han token (a pair or a lone character) is matched as it is; an English word also as a prefix. */
export const isHanToken = (token: string): boolean => HAN.test(token);
