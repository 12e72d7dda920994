// node bench/probes/syncReview.mjs [--size small] [--dist DIR] [--reviews 60] [--trace out.json] [--proxy]
// Reviewing while sync's first push runs, as the bench's sync phase measures it
// (review_p95_during_sync_ms): on a copy of the cached collection (run bench/syncRun.mjs once
// first), device A turns sync on in Settings and the review loop runs in another tab, traced. Prints
// the reviews inside the push (p50, p95), and for each one over 16 ms what the review page's main
// thread ran in it (its tasks over 2 ms and what they were made of), the IndexedDB transactions the
// page waited for, and what the sync worker did meanwhile. --dist: a production build
// (BUILD_OUT_DIR=… npx vite build); without it one is built.
import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { startCouchTestServer } from '../../scripts/couch-test-server.mjs';
import { percentile } from '../report.mjs';
import { serve } from '../server.mjs';
import { openSyncSection, timedSync, turnSyncOn } from '../syncPhase.mjs';
import { installProbe, reviewLoop, warmUp } from '../ui.mjs';

const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    dist: { type: 'string' },
    reviews: { type: 'string', default: '60' },
    trace: { type: 'string' },
    proxy: { type: 'boolean', default: false },
    'no-trace': { type: 'boolean', default: false },
  },
});
const ROOT = resolve(import.meta.dirname, '../..');
const { profile: cachedProfile, port } = cachedCollection(ROOT, opts.size);
const work = mkdtempSync(join(tmpdir(), 'sync-review-'));
let dist = opts.dist && resolve(opts.dist);
if (!dist) {
  dist = join(work, 'dist');
  execSync('npx vite build --logLevel error', {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BUILD_OUT_DIR: dist, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'IndexedDB',
  'disabled-by-default-v8.cpu_profiler',
].join(',');
const MARK_RATINGS = `addEventListener('keydown', (e) => {
  if (['1', '2', '3', '4'].includes(e.key)) performance.mark('probe:rate');
}, true);`;

/** The context reviewLoop uses, its review page traced (the whole browser) until it is closed. */
function tracing(context, sink) {
  return {
    addInitScript: (s) => context.addInitScript(s),
    async newPage() {
      const page = await context.newPage();
      if (opts['no-trace']) return page;
      const cdp = await context.newCDPSession(page);
      cdp.on('Tracing.dataCollected', ({ value }) => sink.push(...value));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
      const close = page.close.bind(page);
      page.close = async () => {
        const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
        await cdp.send('Tracing.end');
        await complete;
        await close();
      };
      return page;
    },
  };
}

const ms = (us) => (us / 1000).toFixed(1).padStart(6);
const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** What the slow reviews of the push were made of, on the review page's main thread and elsewhere. */
function explain(events, loop, push) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const thread = (e) => names.get(`${e.pid}:${e.tid}`) ?? '?';
  const marks = events.filter((e) => e.name === 'probe:rate').sort((a, b) => a.ts - b.ts);
  // The review page is the renderer whose main thread has the rating marks.
  const pagePid = marks[0]?.pid;
  const main = (e) => e.pid === pagePid && thread(e) === 'CrRendererMain';
  const skip = marks.length - loop.reviews.length;
  const lines = [];
  const children = (task) =>
    events.filter(
      (e) =>
        e !== task &&
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= task.ts + task.dur &&
        (e.dur ?? 0) > 1000,
    );
  const label = (e) => {
    const d = e.args?.data ?? {};
    const fn = d.functionName || d.type || d.url?.split('/').pop() || '';
    return `${e.name}${fn ? ` ${fn}` : ''} ${ms(e.dur)}`;
  };
  loop.reviews.forEach((t, i) => {
    const at = loop.timeOrigin + loop.keys[i];
    if (at < push.from || at > push.to || t <= 16) return;
    const mark = marks[i + skip];
    if (!mark) return;
    const [a, b] = [mark.ts, mark.ts + t * 1000];
    lines.push(`review ${i}: ${t.toFixed(1)} ms`);
    for (const e of events) {
      if (e.ph !== 'X' || !TASK.has(e.name) || e.ts + e.dur < a || e.ts > b) continue;
      if (e.dur < 2000) continue;
      const where = main(e) ? 'page' : e.pid === pagePid ? thread(e) : null;
      if (!where) continue;
      const parts = children(e)
        .filter((c) => !TASK.has(c.name))
        .slice(0, 6)
        .map(label)
        .join(' | ');
      lines.push(`  ${ms(e.ts - a)} ${where.padEnd(16)} task ${ms(e.dur)}: ${parts}`);
    }
    for (const e of events) {
      if (e.cat !== 'IndexedDB' || e.ts + (e.dur ?? 0) < a || e.ts > b || (e.dur ?? 0) < 2000) continue;
      lines.push(`  ${ms(e.ts - a)} idb ${thread(e)} ${e.name} ${ms(e.dur ?? 0)}`);
    }
  });
  const inPush = loop.reviews.filter((_, i) => {
    const at = loop.timeOrigin + loop.keys[i];
    return at >= push.from && at <= push.to;
  });
  lines.unshift(
    `${inPush.length} reviews inside the push: p50 ${percentile(inPush, 50).toFixed(1)}, p95 ${percentile(inPush, 95).toFixed(1)} ms`,
  );
  return lines.join('\n');
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
const profile = join(work, 'profile');
cpSync(cachedProfile, profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, ...proxy],
  headless: true,
  viewport: { width: 390, height: 844 },
  locale: 'en-US',
});
try {
  await installProbe(context);
  await context.addInitScript({ content: MARK_RATINGS });
  await warmUp(context, origin);
  const settings = await openSyncSection(context, origin);
  const load = loadavg()[0].toFixed(1);
  const events = [];
  const pushing = timedSync(settings, () => turnSyncOn(settings, couch, 'probe'), 1_200_000);
  const loop = await reviewLoop(tracing(context, events), origin, Number(opts.reviews));
  const push = await pushing;
  console.log(
    `load ${load}; first push ${Math.round(push.ms)} ms (${push.pushed} reviews); loop ${loop.reviews.length} reviews`,
  );
  if (events.length) console.log(explain(events, loop, push));
  // One event a line: the whole browser's trace is too long for one string.
  if (opts.trace) writeFileSync(opts.trace, events.map((e) => JSON.stringify(e)).join('\n'));
  else {
    const inPush = loop.reviews.filter((_, i) => {
      const at = loop.timeOrigin + loop.keys[i];
      return at >= push.from && at <= push.to;
    });
    console.log(
      `${inPush.length} reviews inside the push: p50 ${percentile(inPush, 50).toFixed(1)}, p95 ${percentile(inPush, 95).toFixed(1)} ms`,
    );
  }
} finally {
  await context.close();
  await couch.close();
  server.close?.();
  rmSync(work, { recursive: true, force: true });
}
