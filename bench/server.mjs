import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.wasm']);

/**
 * Serves a build the way a static host would: gzip for text, long-lived caching for the hashed
 * assets, no-cache for the HTML and the service worker, and index.html for app routes. With
 * `isolation: false` it plays a host that cannot send the cross-origin isolation headers.
 */
export async function serve(root, port = 0, { isolation = true } = {}) {
  const cache = new Map();
  // The app's Content-Security-Policy (its index.html meta tag), as a static host would send it.
  const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  const security = {
    ...(csp ? { 'Content-Security-Policy': `${csp}; frame-ancestors 'none'` } : {}),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const load = async (path) => {
    let entry = cache.get(path);
    if (!entry) {
      const body = await readFile(path);
      const ext = extname(path);
      entry = { body, gz: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null, ext };
      cache.set(path, entry);
    }
    return entry;
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) path = join(path, 'index.html');
      else if (!info) {
        if (extname(url.pathname)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        path = join(root, 'index.html');
      }
      const { body, gz, ext } = await load(path);
      const immutable = url.pathname.startsWith('/assets/');
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
        // Cross-origin isolation, which the optimizer's threads (SharedArrayBuffer) need.
        ...(isolation
          ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
          : {}),
        ...security,
      };
      const useGzip = gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { ...headers, ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(req.method === 'HEAD' ? undefined : useGzip ? gz : body);
    } catch (error) {
      res.writeHead(error?.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(String(error?.message ?? error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * `serve` on a port another process may hold for a while (a probe on the cached collection, whose
 * IndexedDB belongs to one origin): tried again every 5 s, for up to 20 minutes.
 */
export async function serveWhenFree(root, port) {
  for (let tries = 0; ; tries++) {
    try {
      return await serve(root, port);
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || tries >= 240) throw e;
      await new Promise((wait) => setTimeout(wait, 5000));
    }
  }
}
