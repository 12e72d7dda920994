const allowed = new Set(['http:', 'https:', 'mailto:']);

/**
 * Deck text comes from anywhere: only http(s) and mailto links survive; anything else
 * (javascript:, data:, vbscript:, relative paths that could hit the app's own routes) becomes ''.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const collapsed = trimmed.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*:)/i.exec(collapsed);
  if (!match?.[1]) return '';
  return allowed.has(match[1].toLowerCase()) ? trimmed : '';
}
