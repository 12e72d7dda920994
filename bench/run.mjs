// `npm run bench [-- --size small|full] [--seed N] [--reviews N] [--lighthouse-runs N] [--no-lighthouse] [--fresh]
//   [--cpu-throttle N] [--no-sync]`
// Builds the app and the bench harness, serves them, and measures the real code in headless Chromium.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, ensureChromium } from '../scripts/ensure-chromium.mjs';
import { bundleTotals } from './bundle.mjs';
import { collectionCache } from './cache.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { checkBudgets, median, percentile, printTable, readJson, roundAll, writeResults } from './report.mjs';
import { serve } from './server.mjs';
import { importPhase, measureStorage, openHarness } from './storagePhase.mjs';
import { printThrottled, THROTTLED_BUDGETS, throttledRun } from './throttle.mjs';
import { browseUi, cardPageUi } from './browseUi.mjs';
import { coldStarts, installProbe, reviewLoop, statsLoads, warmUp } from './ui.mjs';
import { pathologicalProbe } from './pathological.mjs';
import { syncPhase } from './syncPhase.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, 'node_modules/.cache/bench');
const DIST = join(CACHE, 'dist');
/** A fixed port keeps the origin (and so a cached profile's IndexedDB) the same from run to run. */
const PORT = 41731;
const SIZES = {
  small: { decks: 12, cards: 10_000, logs: 100_000, importRuns: 3, statsRuns: 3 },
  full: { decks: 12, cards: 100_000, logs: 1_000_000, importRuns: 1, statsRuns: 3 },
};

const SYNC_METRICS = ['sync_initial_ms', 'sync_incremental_ms', 'review_p95_during_sync_ms'];

const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '20240601' },
    reviews: { type: 'string', default: '200' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    'export-cap-s': { type: 'string', default: '60' },
    'cpu-throttle': { type: 'string' },
    'no-sync': { type: 'boolean', default: false },
  },
});
const size = SIZES[opts.size];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const config = { seed: Number(opts.seed), decks: size.decks, cards: size.cards, logs: size.logs };
const throttleRate = opts['cpu-throttle'] === undefined ? null : Number(opts['cpu-throttle']);
if (throttleRate !== null && !(throttleRate >= 1)) throw new Error('--cpu-throttle must be a number ≥ 1');

const t0 = Date.now();
const step = (what) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${what}`);
const env = { loadAvg1mAtStart: loadavg()[0] };
const metrics = {};
let missing = {};
let throttled = null;

ensureChromium();
step('building the app and the harness');
const quiet = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
execSync('npx vite build --logLevel warn', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...quiet, BUILD_OUT_DIR: DIST },
});
execSync('npx vite build --config bench/harness.config.ts', { cwd: ROOT, stdio: 'inherit', env: quiet });

const server = await serve(DIST, PORT).catch(() => serve(DIST, 0));
const launch = (profile) =>
  chromium.launchPersistentContext(profile, {
    // On disk, as for a user: an incognito context would keep IndexedDB in memory.
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
  });
const profile = mkdtempSync(join(tmpdir(), 'recall-bench-'));
const cache = collectionCache(ROOT, opts.size, config, server.url, CHROMIUM);
try {
  const cached = opts.fresh || !server.url.endsWith(`:${PORT}`) ? null : cache.restore(profile);
  // With the collection cached, the import runs write and delete their databases in a profile of
  // their own: IndexedDB keeps one LevelDB per origin, and compacting 200,000 deleted rows would
  // go on in the background of every later measurement.
  const importProfile = cached ? mkdtempSync(join(tmpdir(), 'recall-bench-import-')) : profile;
  let context = await launch(importProfile);
  env.chromium = context.browser()?.version();
  let { page, call } = await openHarness(context, server.url);

  step(`generating ${config.cards} cards in ${config.decks} decks (seed ${config.seed})`);
  env.generate = await call('generate', config);
  const imports = await importPhase(call, size.importRuns, cached !== null, step);
  Object.assign(metrics, imports.metrics);
  env.importRuns = imports.env;

  if (cached) {
    step(`collection from the profile cache (${cache.key}); --fresh regenerates it`);
    env.history = { ...cached.history, cached: true };
  } else {
    step(`simulating ${config.logs} reviews over two years with the app's Scheduler`);
    env.history = await call('prepareCollection', config, Date.now());
  }
  // Every later measurement starts in a newly launched browser, cached collection or not.
  await context.close();
  if (cached) rmSync(importProfile, { recursive: true, force: true });
  else cache.save(profile, { history: env.history });
  context = await launch(profile);
  ({ page, call } = await openHarness(context, server.url));

  step('queues, review transaction, export');
  const now = Date.now();
  const storage = await measureStorage(context, page, call, now, Number(opts['export-cap-s']) * 1000);
  Object.assign(metrics, storage.metrics);
  Object.assign(env, storage.env);
  missing = { ...storage.missing };
  await page.close();

  step('app: first visit (service worker install), then cold starts of /review');
  await installProbe(context);
  env.serviceWorker = await warmUp(context, server.url);
  const cold = await coldStarts(context, server.url, DIST, 5);
  metrics.cold_start_to_first_card_ms = median(cold.starts);
  metrics.bundle_initial_js_gz_kb = median(cold.initial);
  env.coldStartsMs = cold.starts.map(Math.round);
  env.initialJsGzKb = cold.initial.map(Math.round);
  env.initialJs = cold.files.map((f) => `${f.path} ${f.gzKb.toFixed(1)} KB`);

  step(`app: ${opts.reviews} reviews in the review screen`);
  const loop = await reviewLoop(context, server.url, Number(opts.reviews));
  metrics.review_p50_ms = percentile(loop.reviews, 50);
  metrics.review_p95_ms = percentile(loop.reviews, 95);
  metrics.review_dom_p95_ms = percentile(loop.dom, 95);
  env.reviews = {
    measured: loop.reviews.length,
    timedOut: loop.failed,
    maxMs: Math.max(...loop.reviews),
    domP50Ms: percentile(loop.dom, 50),
    // Long tasks over 50 ms, each with the review (index of the last rating keypress before it).
    longTasks: loop.longtasks
      .filter(([, d]) => d > 50)
      .map(([s, d]) => ({ ms: Math.round(d), afterReview: loop.keys.filter((k) => k <= s).length - 1 })),
  };

  step('app: statistics (all roles, one role)');
  const stats = await statsLoads(context, server.url, 'synthetic-01', size.statsRuns);
  if (stats.missing) for (const m of ['stats_all_ms', 'stats_role_ms']) missing[m] = stats.missing;
  else {
    metrics.stats_all_ms = median(stats.times.all);
    metrics.stats_role_ms = median(stats.times.role);
    // The first opening of each, while Today's glance is still reading every snapshot cold.
    metrics.stats_all_first_ms = stats.times.all[0];
    metrics.stats_role_first_ms = stats.times.role[0];
    env.stats = { allMs: stats.times.all.map(Math.round), roleMs: stats.times.role.map(Math.round) };
    env.statsLongTasksMs = stats.longtasks.map(([, d]) => Math.round(d));
  }
  const longtasks = [...loop.longtasks, ...(stats.longtasks ?? [])];
  metrics.main_thread_longest_task_ms = Math.max(0, ...longtasks.map(([, d]) => d));
  env.longTasksWhile = stats.missing ? 'reviewing (statistics missing)' : 'reviewing and loading statistics';

  step('app: card browser (typing, scrolling), a card page with 500 reviews');
  const browse = await browseUi(context, server.url);
  if (browse.missing) missing.browse_longest_task_ms = browse.missing;
  else {
    metrics.browse_longest_task_ms = browse.longest;
    metrics.browse_first_open_ms = browse.firstOpenMs;
    env.browse = { longTasksMs: browse.longtasks, typed: browse.typed, rowsShown: browse.rowsShown };
  }
  const cardView = await cardPageUi(context, server.url, 5);
  if (cardView.missing) missing.card_page_ms = cardView.missing;
  else {
    metrics.card_page_ms = cardView.ms;
    env.cardPageMs = cardView.times.map(Math.round);
  }

  if (opts['no-sync']) for (const m of SYNC_METRICS) missing[m] = 'skipped (--no-sync)';
  else {
    const fresh = [];
    try {
      const sync = await syncPhase({
        contextA: context,
        launchFresh: () => {
          fresh.push(mkdtempSync(join(tmpdir(), 'recall-bench-device-')));
          return launch(fresh.at(-1));
        },
        url: server.url,
        config,
        step,
        reviews: Number(opts.reviews),
        // At full size a first sync can take far longer than the rest of the bench (README,
        // "Sync figures"): past this the sync metrics are reported missing, with the reason.
        capMs: 600_000,
      });
      Object.assign(metrics, sync.metrics);
      env.sync = sync.env;
    } catch (error) {
      for (const m of SYNC_METRICS) missing[m] = String(error);
    } finally {
      for (const dir of fresh) rmSync(dir, { recursive: true, force: true });
    }
  }
  await context.close();
} finally {
  rmSync(profile, { recursive: true, force: true });
}

step('app: pathological Markdown and a 20,000-card deck, imported and shown (fresh profile)');
const pathoProfile = mkdtempSync(join(tmpdir(), 'recall-bench-patho-'));
try {
  const context = await launch(pathoProfile);
  try {
    const patho = await pathologicalProbe(context, server.url);
    Object.assign(metrics, patho.metrics);
    env.pathological = patho.env;
  } finally {
    await context.close();
  }
} catch (error) {
  for (const m of ['pathological_longest_task_ms', 'large_deck_role_page_ms']) missing[m] = String(error);
} finally {
  rmSync(pathoProfile, { recursive: true, force: true });
}

if (throttleRate !== null) {
  const slowProfile = mkdtempSync(join(tmpdir(), 'recall-bench-throttled-'));
  let context;
  try {
    if (!cache.restore(slowProfile)) throw new Error('--cpu-throttle: the collection was not cached');
    context = await launch(slowProfile);
    const [rate, reviews, statsRuns] = [throttleRate, Number(opts.reviews), size.statsRuns];
    const run = await throttledRun(context, { url: server.url, rate, reviews, statsRuns, dist: DIST, step });
    throttled = { rate, ...run };
  } finally {
    await context?.close();
    rmSync(slowProfile, { recursive: true, force: true });
  }
}

const bundle = bundleTotals(DIST, join(ROOT, 'decks'));
metrics.bundle_total_js_gz_kb = bundle.totalGzKb;
env.bundle = bundle.split;

if (!opts['no-lighthouse']) {
  step('Lighthouse (mobile) on /');
  const lh = await runLighthouse(`${server.url}/`, CHROMIUM, ARGS, Number(opts['lighthouse-runs']));
  Object.assign(metrics, lh.metrics);
  env.lighthouse = lh.details;
} else {
  for (const m of ['lighthouse_performance', 'lighthouse_accessibility', 'lighthouse_best_practices'])
    missing[m] = 'skipped (--no-lighthouse)';
}
await server.close();

Object.assign(env, {
  date: new Date().toISOString(),
  seed: config.seed,
  cards: config.cards,
  logs: config.logs,
  decks: config.decks,
  node: process.version,
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
  memGb: Math.round(totalmem() / 1e9),
  loadAvg1mAtEnd: loadavg()[0],
  benchSeconds: Math.round((Date.now() - t0) / 1000),
});
const rounded = roundAll(metrics);
const budgets = checkBudgets(readJson(join(ROOT, 'bench/budgets.json')), metrics);
printTable(opts.size, rounded, missing, budgets);
if (metrics.export_csv_extrapolated) {
  const { export_csv_rows_done: done, export_csv_rows: total } = metrics;
  console.log(
    `  export_csv_ms is extrapolated: cancelled after ${opts['export-cap-s']} s at ${done} of ${total} rows`,
  );
}
let slow;
if (throttled) {
  const metrics = roundAll(throttled.metrics);
  const all = readJson(join(ROOT, 'bench/budgets.json'));
  const held = Object.fromEntries(THROTTLED_BUDGETS.map((m) => [m, all[m]]));
  slow = {
    rate: throttled.rate,
    metrics,
    budgets: checkBudgets(held, throttled.metrics),
    env: throttled.env,
  };
  printThrottled(slow);
}
writeResults(join(ROOT, 'bench/results.json'), {
  size: opts.size,
  metrics: rounded,
  missing,
  budgets,
  env,
  ...(slow ? { throttled: slow } : {}),
});
step(`wrote bench/results.json (${env.benchSeconds}s)`);
