import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { decksPlugin } from './scripts/decksPlugin.ts';

// Workers have no DOM: micromark's entity decoder is taken in its DOM-free build there (its
// package's `browser` build calls `document`, and the data worker parses Anki HTML and Markdown).
const domFreeEntities: Plugin = {
  name: 'dom-free-entities',
  enforce: 'pre',
  resolveId: (id) =>
    id === 'decode-named-character-reference'
      ? fileURLToPath(new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url))
      : null,
};

// E2E builds add fixture decks (a malicious one, an invalid one) beside the real ones.
const extraDecks = process.env.EXTRA_DECKS_DIR ? [process.env.EXTRA_DECKS_DIR] : [];

// The Content-Security-Policy is written once, in index.html's meta tag; servers send it as a
// header too, with what a meta tag cannot carry. In dev, React's refresh preamble is an inline
// script and HMR talks over a WebSocket.
const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync(new URL('./index.html', import.meta.url), 'utf8'),
)![1]!;
const devCsp = csp
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
const securityHeaders = (policy: string) => ({
  'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});
const devCspMeta: Plugin = {
  name: 'dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(csp, devCsp),
};

// The first chunk has a top-level await (src/app/yieldAfterReact.ts), so Rolldown makes the entry a
// chunk of imports only, which Vite writes as one script tag per import. The runtime helpers' tag
// becomes a preload link again, as Vite writes it for any other entry: fetched at the same time and
// run by the app's chunk, not as a script of its own the first paint waits for.
const runtimePreloaded: Plugin = {
  name: 'runtime-preloaded',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const out = html.replace(
        /<script type="module" crossorigin src="([^"]*\/rolldown-runtime-[^"]+\.js)"><\/script>/,
        '<link rel="modulepreload" crossorigin href="$1">',
      );
      const scripts = out.match(/<script type="module"/g)?.length ?? 0;
      if (scripts !== 1) throw new Error(`index.html has ${scripts} module scripts; expected the app's only`);
      return out;
    },
  },
};

// Cross-origin isolation: the FSRS optimizer's WebAssembly threads need SharedArrayBuffer.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    devCspMeta,
    runtimePreloaded,
    react(),
    decksPlugin(['decks', ...extraDecks]),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Our own service worker (src/app/sw.ts): generateSW's, plus the cross-origin isolation headers.
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Interview Recall',
        short_name: 'Recall',
        description: 'Spaced repetition for LLM and AI engineering interviews, offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#111827',
        theme_color: '#1f3a8a',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The optimizer's WebAssembly too (1.7 MB, 0.44 MB gzip): training works offline after the first visit.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest,wasm}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  json: { stringify: true },
  // The deck-sync worker imports the deck manifest too.
  worker: { format: 'es', plugins: () => [decksPlugin(['decks', ...extraDecks]), domFreeEntities] },
  build: {
    outDir: process.env.BUILD_OUT_DIR ?? 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Everything the first screen runs is one file: split into a dozen shared chunks, each
    // compressed alone, it cost about 3 KB more gzip and as many requests.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
    // Every browser the app runs in (ES modules in workers, IndexedDB getAll) preloads modules itself.
    modulePreload: { polyfill: false },
  },
  resolve: {
    alias: [
      // Dexie's ES module build: its package entry wraps the ES5 UMD build (1.3 KB more gzip on the
      // first screen) to guard against two copies, which one bundler resolving one path cannot make.
      {
        find: /^dexie$/,
        replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)),
      },
      // React Router's production build: its package exports only the development build to
      // bundlers, whose dev-only warnings and checks cost 0.4 KB gzip on the first screen.
      {
        find: /^react-router$/,
        replacement: fileURLToPath(
          new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
        ),
      },
    ],
  },
  server: { headers: { ...isolationHeaders, ...securityHeaders(devCsp) } },
  // Pre-bundling would move fsrs-browser away from its .wasm file and worker helper.
  optimizeDeps: { exclude: ['fsrs-browser'] },
  preview: { port: 4173, strictPort: true, headers: { ...isolationHeaders, ...securityHeaders(csp) } },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20_000,
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
  },
});
