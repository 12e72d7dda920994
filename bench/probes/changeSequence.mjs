// node bench/probes/changeSequence.mjs [runs] — the change sequence's cost on the bench's cached
// full collection (run `npm run bench` once first). Copies the cached Chromium profile, upgrades
// its database to the current schema, and prints the review transaction with and without the
// sequence, the IndexedDB usage per 1,000 reviews, and reads of a grown change log.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { serve } from '../server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 200);
const { profile: cachedProfile, port } = cachedCollection(ROOT, 'full');
const out = mkdtempSync(join(tmpdir(), 'usn-probe-'));
await build({
  root: import.meta.dirname,
  base: '/__probe/',
  logLevel: 'warn',
  build: {
    outDir: join(out, 'site/__probe'),
    emptyOutDir: true,
    rollupOptions: { input: join(import.meta.dirname, 'changeSequence.html') },
  },
});
const profile = join(out, 'profile');
cpSync(cachedProfile, profile, { recursive: true });
// The port the collection was made on: IndexedDB is per origin.
const server = await serve(join(out, 'site'), port);
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(e));
  await page.goto(`${server.url}/__probe/changeSequence.html`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const call = (name, ...args) => page.evaluate(([n, a]) => window.probe[n](...a), [name, args]);
  console.log(JSON.stringify(await call('info')));
  const before = await call('estimate');
  const reviews = await call('reviews', runs);
  console.log(JSON.stringify({ reviews }, null, 1));
  const grown = await call('changeLogReads', 100_000);
  console.log(
    JSON.stringify(
      { grown, usageBeforeMB: before / 1e6, usageAfterMB: (await call('estimate')) / 1e6 },
      null,
      1,
    ),
  );
} finally {
  await context.close();
  server.close?.();
  rmSync(out, { recursive: true, force: true });
}
