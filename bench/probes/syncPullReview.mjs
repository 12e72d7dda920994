// node bench/probes/syncPullReview.mjs [--size small] [--dist DIR] [--reviews 20] [--think 2000] [--proxy]
// Rating cards on a device while its first sync pulls a long history: device A (a copy of the
// cached collection: run bench/syncRun.mjs once first) pushes it, then device B (same decks, no
// reviews) turns sync on and, meanwhile, answers cards on its review screen, `--think` ms between
// showing an answer and rating it (longer than sync's 1.5 s wait after a rating, as when reading
// the answer, so sync's steps run between ratings). A rating's write that waits behind sync's
// transaction holds the next rating back (session.ts); prints each rating's time from its key to
// the next card, inside the pull. --dist: a production build with the bench harness in __bench.
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { startCouchTestServer } from '../../scripts/couch-test-server.mjs';
import { percentile } from '../report.mjs';
import { serve } from '../server.mjs';
import { openHarness } from '../storagePhase.mjs';
import { openSyncSection, timedSync, turnSyncOn } from '../syncPhase.mjs';
import { installProbe, warmUp } from '../ui.mjs';

const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    dist: { type: 'string' },
    reviews: { type: 'string', default: '20' },
    think: { type: 'string', default: '2000' },
    proxy: { type: 'boolean', default: false },
  },
});
const SIZES = { small: { cards: 10_000, logs: 100_000 }, full: { cards: 100_000, logs: 1_000_000 } };
const config = { seed: 20240601, decks: 12, ...SIZES[opts.size] };
const ROOT = resolve(import.meta.dirname, '../..');
const { profile: cachedProfile, port } = cachedCollection(ROOT, opts.size);
const work = mkdtempSync(join(tmpdir(), 'sync-pull-review-'));
let dist = opts.dist && resolve(opts.dist);
if (!dist) {
  dist = join(work, 'dist');
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  execSync('npx vite build --logLevel error', {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, BUILD_OUT_DIR: dist },
  });
  execSync('npx vite build --logLevel error --config bench/harness.config.ts', {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, BENCH_HARNESS_OUT: join(dist, '__bench') },
  });
}

const server = await serve(dist, opts.proxy ? 0 : port);
const origin = `http://127.0.0.1:${port}`;
const couch = await startCouchTestServer();
const proxy = opts.proxy
  ? [
      `--proxy-server=${server.url.replace('http://', '')}`,
      `--proxy-bypass-list=<-loopback>;${couch.url.replace('http://', '')}`,
    ]
  : [];
const launch = (profile) =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...proxy],
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
  });

/** `count` ratings on the review screen, `think` ms after each answer is shown: each rating's time. */
async function rate(context, count, think) {
  const page = await context.newPage();
  await page.goto(`${origin}/review`);
  await page.waitForFunction(() => window.__bench?.firstCard !== null, null, { timeout: 60_000 });
  const ratings = [];
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(() => window.__bench.reviews.length);
    await page.keyboard.press('Space');
    await page.waitForSelector('article.card .card-answer', { timeout: 60_000 });
    await page.waitForTimeout(think);
    const at = Date.now();
    await page.keyboard.press(['3', '3', '1', '3', '4'][i % 5]);
    await page.waitForFunction((n) => window.__bench.reviews.length > n, before, { timeout: 600_000 });
    // The page's own measure, and the wall time here (polling adds a few ms).
    ratings.push({ at, ms: await page.evaluate(() => window.__bench.reviews.at(-1)), wall: Date.now() - at });
  }
  await page.close();
  return ratings;
}

const database = `probe-${Date.now()}`;
const contexts = [];
try {
  const profileA = join(work, 'a');
  cpSync(cachedProfile, profileA, { recursive: true });
  const a = await launch(profileA);
  contexts.push(a);
  await warmUp(a, origin);
  const pageA = await openSyncSection(a, origin);
  const push = await timedSync(pageA, () => turnSyncOn(pageA, couch, database), 1_200_000);
  console.log(`A pushed ${push.pushed} reviews in ${Math.round(push.ms)} ms`);
  await a.close();

  const b = await launch(join(work, 'b'));
  contexts.push(b);
  await installProbe(b);
  const harness = await openHarness(b, origin, { newPage: true });
  await harness.call('generate', config);
  await harness.call('importDecks', 'interview-recall');
  await harness.call('prepareSecondDevice');
  await harness.page.close();
  await warmUp(b, origin);
  const pageB = await openSyncSection(b, origin);
  const load = loadavg()[0].toFixed(1);
  const pulling = timedSync(pageB, () => turnSyncOn(pageB, couch, database), 1_200_000);
  const ratings = await rate(b, Number(opts.reviews), Number(opts.think));
  const pull = await pulling;
  const inside = ratings.filter((r) => r.at >= pull.from && r.at <= pull.to).map((r) => r.ms);
  console.log(
    `load ${load}-${loadavg()[0].toFixed(1)}; B pulled ${pull.pulled} reviews in ${Math.round(pull.ms)} ms`,
  );
  console.log(
    `${inside.length} of ${ratings.length} ratings inside the pull: p50 ${percentile(inside, 50).toFixed(1)}, ` +
      `p95 ${percentile(inside, 95).toFixed(1)}, max ${Math.max(...inside).toFixed(1)} ms`,
  );
  console.log(`each (ms): ${inside.map((ms) => Math.round(ms)).join(' ')}`);
  const walls = ratings.filter((r) => r.at >= pull.from && r.at <= pull.to).map((r) => r.wall);
  console.log(`each, key to next card seen here (ms): ${walls.join(' ')}`);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await couch.close();
  server.close?.();
  rmSync(work, { recursive: true, force: true });
}
