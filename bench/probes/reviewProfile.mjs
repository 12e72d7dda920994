// node bench/probes/reviewProfile.mjs --dist DIR [--dist DIR2 …] [--rate 2 --rate 1] [--sessions 2]
//   [--reviews 100] [--trace out.json [--light]] [--proxy]
// The review loop alone, as `npm run bench -- --cpu-throttle N` runs it (bench/ui.mjs reviewLoop:
// Space, a rating, timed from the rating key to the next card painted), on the cached full
// collection (run `npm run bench` once first). Each dist is an ordinary production build
// (BUILD_OUT_DIR=… npx vite build). Sessions alternate between the dists (A B A B…), each on a
// fresh copy of the profile; in each, one loop per --rate (CPU slowed that many times, 1 = not at
// all). With --trace, one more traced loop per session (at the first rate) shows where the measured
// intervals went: the page's tasks by kind and, from V8's sampling profiler, the heaviest
// functions (tracing slows the page: read its shares, not its times). --light traces without the
// sampling profiler (no function list), which slows the page far less: its CPU times then compare
// builds on a loaded machine better than the wall times do.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { percentile } from '../report.mjs';
import { serveWhenFree } from '../server.mjs';
import { throttledContext } from '../throttle.mjs';
import { installProbe, reviewLoop, warmUp } from '../ui.mjs';
import { cpuProfile } from './traceTimeline.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    rate: { type: 'string', multiple: true, default: ['2'] },
    sessions: { type: 'string', default: '2' },
    reviews: { type: 'string', default: '100' },
    trace: { type: 'string' },
    light: { type: 'boolean', default: false },
    proxy: { type: 'boolean', default: false },
  },
});
if (!opts.dist?.length) throw new Error('--dist DIR (a production build) is required');
const ROOT = resolve(import.meta.dirname, '../..');
// The collection, and the port it was made on (IndexedDB is per origin).
const { profile: cachedProfile, port } = cachedCollection(ROOT, 'full');

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'IndexedDB',
  ...(opts.light ? [] : ['disabled-by-default-v8.cpu_profiler']),
].join(',');

// Marks each rating key in the trace (the probe's own timer starts from the same event).
const MARK_RATINGS = `addEventListener('keydown', (e) => {
  if (['1', '2', '3', '4'].includes(e.key)) performance.mark('probe:rate');
}, true);`;

/** A context as throttledContext gives, whose review page is traced until reviewLoop closes it. */
function tracing(context, rate, sink) {
  const slow = throttledContext(context, rate);
  return {
    addInitScript: slow.addInitScript,
    async newPage() {
      const page = await slow.newPage();
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

const MAIN_KINDS = {
  EventDispatch: 'input event',
  FunctionCall: 'script (tasks, promises)',
  TimerFire: 'timers',
  FireAnimationFrame: 'rAF callbacks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  'IDBTransaction::onComplete': 'IDB complete',
  'IDBRequest::dispatchEvent': 'IDB request event',
  'V8.GC_SCAVENGER': 'GC',
  MajorGC: 'GC',
  MinorGC: 'GC',
};

/** Where the measured intervals (rating key → next card painted) went on the page's main thread. */
function breakdown(events, reviews) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = (e) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const marks = events.filter((e) => e.name === 'probe:rate' && main(e)).sort((a, b) => a.ts - b.ts);
  const skip = marks.length - reviews.length;
  const windows = reviews.map((ms, i) => [marks[i + skip].ts, marks[i + skip].ts + ms * 1000]);
  const kinds = new Map();
  // The main thread's tasks, as far as they overlap each interval (the key's task began before it).
  const busy = windows.map(() => 0);
  // CPU time of those tasks (their share inside the interval): unlike wall time, hardly changed
  // by other processes on the machine, so builds can be compared on a loaded one.
  const cpu = windows.map(() => 0);
  for (const e of events) {
    if (e.ph !== 'X' || !main(e)) continue;
    if (e.name === 'ThreadControllerImpl::RunTask')
      windows.forEach(([a, b], i) => {
        const overlap = Math.max(0, Math.min(b, e.ts + e.dur) - Math.max(a, e.ts));
        busy[i] += overlap / 1000;
        if (e.dur > 0) cpu[i] += ((e.tdur ?? 0) * overlap) / e.dur / 1000;
      });
    const w = windows.find(([a, b]) => e.ts >= a && e.ts <= b);
    if (!w) continue;
    const dur = Math.min(e.dur ?? 0, w[1] - e.ts) / 1000;
    const kind = MAIN_KINDS[e.name];
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + dur);
  }
  const self = new Map();
  for (const [a, b] of windows)
    for (const fns of Object.values(cpuProfile(events, a, b)))
      for (const [fn, t] of fns) self.set(fn, (self.get(fn) ?? 0) + t);
  const n = windows.length;
  const lines = [
    `traced: ${n} reviews, p50 ${percentile(reviews, 50).toFixed(1)} ms; main thread busy in them: p50 ${percentile(busy, 50).toFixed(1)}, p95 ${percentile(busy, 95).toFixed(1)} ms; its CPU time: p50 ${percentile(cpu, 50).toFixed(1)}, p95 ${percentile(cpu, 95).toFixed(1)}, mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(1)} ms`,
  ];
  for (const [kind, t] of [...kinds].sort((a, b) => b[1] - a[1]))
    lines.push(`  ${(t / n).toFixed(2).padStart(6)} ms  ${kind} (nested kinds overlap)`);
  lines.push('heaviest functions (self ms per review):');
  for (const [fn, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    lines.push(`  ${(t / n).toFixed(2).padStart(6)}  ${fn}`);
  return lines.join('\n');
}

async function session(dist, label) {
  const server = await serveWhenFree(resolve(dist), opts.proxy ? 0 : port);
  const origin = `http://127.0.0.1:${port}`;
  const proxy = opts.proxy
    ? [`--proxy-server=${server.url.replace('http://', '')}`, '--proxy-bypass-list=<-loopback>']
    : [];
  const profile = mkdtempSync(join(tmpdir(), 'review-profile-'));
  cpSync(cachedProfile, profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...proxy],
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
  });
  const runs = {};
  try {
    await installProbe(context);
    await context.addInitScript({ content: MARK_RATINGS });
    console.log(`${label}: first visit`);
    await warmUp(context, origin);
    for (const rate of opts.rate) {
      console.log(`${label}: ${opts.reviews} reviews at ${rate}x`);
      const load = loadavg()[0].toFixed(1);
      const loop = await reviewLoop(throttledContext(context, Number(rate)), origin, Number(opts.reviews));
      runs[rate] = loop.reviews;
      console.log(
        `${label} ${rate}x (load ${load}): p50 ${percentile(loop.reviews, 50).toFixed(1)}, p95 ${percentile(loop.reviews, 95).toFixed(1)}, dom p95 ${percentile(loop.dom, 95).toFixed(1)} ms, ${loop.failed} timed out`,
      );
    }
    if (opts.trace) {
      const events = [];
      const rate = Number(opts.rate[0]);
      const loop = await reviewLoop(
        tracing(context, rate, events),
        origin,
        Math.min(Number(opts.reviews), 60),
      );
      const file = opts.trace.replace(/(\.json)?$/, `-${label}.json`);
      writeFileSync(file, JSON.stringify(events));
      console.log(`${label} ${rate}x traced (${file}):\n${breakdown(events, loop.reviews)}`);
    }
  } finally {
    await context.close();
    server.close?.();
    rmSync(profile, { recursive: true, force: true });
  }
  return runs;
}

const results = Object.fromEntries(opts.dist.map((d) => [d, {}]));
for (let s = 0; s < Number(opts.sessions); s++) {
  for (const dist of opts.dist) {
    const runs = await session(dist, `${basename(dist)}-${s}`);
    for (const [rate, xs] of Object.entries(runs)) (results[dist][rate] ??= []).push(...xs);
  }
}
for (const [dist, byRate] of Object.entries(results))
  for (const [rate, xs] of Object.entries(byRate))
    console.log(
      `${dist} ${rate}x, all sessions (${xs.length} reviews): p50 ${percentile(xs, 50).toFixed(1)}, p95 ${percentile(xs, 95).toFixed(1)} ms`,
    );
