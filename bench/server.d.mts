/** Serves a build as a static host would (see server.mjs); `isolation: false` omits COOP/COEP. */
export function serve(
  root: string,
  port?: number,
  options?: { isolation?: boolean },
): Promise<{ url: string; close: () => Promise<unknown> }>;
