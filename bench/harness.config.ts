import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { decksPlugin } from '../scripts/decksPlugin';

/**
 * The bench harness, built apart from the app so the app's bundle (and its service worker's
 * precache list) stays exactly the production build. Served from the same origin at /__bench/.
 */
const root = dirname(fileURLToPath(import.meta.url));
const outDir = process.env.BENCH_HARNESS_OUT ?? resolve(root, '../node_modules/.cache/bench/dist/__bench');

export default defineConfig({
  root,
  base: '/__bench/',
  // The same plugin and deck files as the app, so the bundled decks' hashes match and boot syncs nothing.
  plugins: [decksPlugin([resolve(root, '../decks')])],
  json: { stringify: true },
  // The optimizer's worker loads fsrs-browser (WebAssembly and its thread workers) as modules.
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: resolve(root, 'harness.html') },
  },
});
