const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function codePoint(n: number): string {
  const valid = Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

/** Decodes character references in one pass, so `&amp;lt;` stays `&lt;`. Unknown names are kept. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,9}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return codePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Tags that look like Anki's HTML fields; a lone `<` in a formula does not. */
export const looksLikeHtml = (text: string): boolean =>
  /<\/?(br|div|p|span|b|i|u|em|strong|font|img|a|ul|ol|li|table|tr|td|th|hr|sub|sup|pre|code|h[1-6])\b[^>]*>/i.test(
    text,
  ) || /&(nbsp|amp|lt|gt|quot|#\d+);/i.test(text);

/**
 * Anki's HTML fields as plain text for the Markdown renderer: line breaks and blocks become
 * newlines, other tags go, entities are decoded. Images and sound are dropped (no media here).
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|tr|h[1-6]|pre|blockquote)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[a-z/!][^>]*>/gi, '');
  return decodeEntities(text);
}

/** Plain text as an HTML field for Anki: escaped, with its line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '<br>');
}
