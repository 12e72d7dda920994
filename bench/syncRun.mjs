// `node bench/syncRun.mjs [--size small|full] [--seed N] [--reviews N] [--day-reviews N] [--port N] [--proxy]`
// The sync phase alone (bench/syncPhase.mjs), on the collection the full bench caches: device A
// (the collection) pushes its history while reviewing, device B (same decks, no reviews) pulls it,
// then a day's reviews go from A to B. Needs the bench's port (41731) free: the cached profile's
// IndexedDB belongs to that origin. Without a cached collection it is generated first (minutes).
import { execSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, ensureChromium } from '../scripts/ensure-chromium.mjs';
import { collectionCache } from './cache.mjs';
import { checkBudgets, readJson, roundAll } from './report.mjs';
import { serve } from './server.mjs';
import { openHarness } from './storagePhase.mjs';
import { syncPhase } from './syncPhase.mjs';
import { installProbe, warmUp } from './ui.mjs';

const ROOT = resolve(import.meta.dirname, '..');

/** A port free now, for the sync server the proxy must let through. */
const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
const PORT = 41731;
const SIZES = { small: { cards: 10_000, logs: 100_000 }, full: { cards: 100_000, logs: 1_000_000 } };
const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '20240601' },
    reviews: { type: 'string', default: '200' },
    'day-reviews': { type: 'string', default: '200' },
    // Another port is another origin: its collection is generated (and cached) for it.
    port: { type: 'string', default: String(PORT) },
    // Serve on any free port as Chromium's proxy for the origin of --port (IndexedDB is per
    // origin), when another bench holds that port; the sync server is reached directly.
    proxy: { type: 'boolean', default: false },
  },
});
const size = SIZES[opts.size];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const config = { seed: Number(opts.seed), decks: 12, ...size };
const work = mkdtempSync(join(tmpdir(), 'recall-sync-'));
const dist = join(work, 'dist');
const t0 = Date.now();
const step = (what) => console.log(`[sync ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${what}`);

ensureChromium();
step('building the app and the harness');
const quiet = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
execSync('npx vite build --logLevel warn', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...quiet, BUILD_OUT_DIR: dist },
});
execSync('npx vite build --config bench/harness.config.ts', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...quiet, BENCH_HARNESS_OUT: join(dist, '__bench') },
});
const server = await serve(dist, opts.proxy ? 0 : Number(opts.port)).catch(() => {
  throw new Error(
    `port ${opts.port} is taken (another bench?): the cached collection belongs to its origin (or use --proxy)`,
  );
});
const url = opts.proxy ? `http://127.0.0.1:${opts.port}` : server.url;
const couchPort = opts.proxy ? await freePort() : 0;
const proxy = opts.proxy
  ? [
      `--proxy-server=${server.url.replace('http://', '')}`,
      `--proxy-bypass-list=<-loopback>;127.0.0.1:${couchPort}`,
    ]
  : [];
const launch = (profile) =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...ARGS, ...proxy],
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
  });
const cache = collectionCache(ROOT, opts.size, config, url, CHROMIUM);
const profile = join(work, 'profile');
let fresh = 0;
let context;
try {
  if (!cache.restore(profile)) {
    step(`no cached collection (${cache.key}): generating it`);
    context = await launch(profile);
    const { call } = await openHarness(context, url);
    await call('generate', config);
    await call('importDecks', 'interview-recall');
    const history = await call('prepareCollection', config, Date.now());
    await context.close();
    cache.save(profile, { history });
  }
  context = await launch(profile);
  await installProbe(context);
  await warmUp(context, url);
  const { metrics, env } = await syncPhase({
    contextA: context,
    launchFresh: () => launch(join(work, `device-${++fresh}`)),
    url,
    couchPort,
    config,
    step,
    reviews: Number(opts.reviews),
    dayReviews: Number(opts['day-reviews']),
    baseline: true,
  });
  const rounded = roundAll(metrics);
  console.log(JSON.stringify({ metrics: rounded, env }, null, 2));
  const all = readJson(join(ROOT, 'bench/budgets.json'));
  const held = Object.fromEntries(Object.keys(rounded).flatMap((m) => (all[m] ? [[m, all[m]]] : [])));
  console.log(JSON.stringify(checkBudgets(held, metrics), null, 2));
} finally {
  await context?.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
