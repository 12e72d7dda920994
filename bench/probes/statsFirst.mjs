// node bench/probes/statsFirst.mjs --dist DIR [--dist DIR2 …] [--sessions 2] [--runs 3] [--reviews 20]
//   [--trace out.json] [--proxy]
// The first opening of the statistics screen (all roles) after a page load, as the bench's
// stats_all_first_ms measures it, on the cached full collection (run `npm run bench` once first),
// without the rest of the bench. Each dist is an ordinary production build (BUILD_OUT_DIR=… npx vite
// build). Sessions alternate between the dists (A B A B…), each on a fresh copy of the profile:
// first visit, then per run a page of /review with a few reviews (as the bench reviews before), a
// new page of Today, and the statistics opened as a client-side navigation. With --trace, the
// first run of each session is traced (Chromium's tracing: main thread, workers, network) and a
// timeline of it printed; the raw events go to the file (suffixed by dist and session).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { serveWhenFree } from '../server.mjs';
import { installProbe, openStats, reviewLoop, warmUp } from '../ui.mjs';
import { timeline } from './traceTimeline.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    sessions: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    reviews: { type: 'string', default: '20' },
    trace: { type: 'string' },
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
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'loading',
  'IndexedDB',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

async function traced(page, work) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await work();
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return { result, events };
}

async function session(dist, label) {
  // Another bench on the machine may hold the port for a while: wait for it (up to 20 minutes),
  // or with --proxy serve on any port as the browser's proxy for that origin.
  const server = await serveWhenFree(resolve(dist), opts.proxy ? 0 : port);
  const origin = `http://127.0.0.1:${port}`;
  const proxy = opts.proxy
    ? [`--proxy-server=${server.url.replace('http://', '')}`, '--proxy-bypass-list=<-loopback>']
    : [];
  const profile = mkdtempSync(join(tmpdir(), 'stats-first-'));
  cpSync(cachedProfile, profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...proxy],
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
  });
  const firsts = [];
  const seconds = [];
  try {
    await installProbe(context);
    await warmUp(context, origin);
    for (let run = 0; run < Number(opts.runs); run++) {
      await reviewLoop(context, origin, Number(opts.reviews), 0);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.waitForSelector('header.top nav', { timeout: 60_000 });
      const open = () => openStats(page, '/stats', ['.stats h1', '.stats #roles-h']);
      if (opts.trace && run === 0) {
        const { result, events } = await traced(page, async () => {
          await page.evaluate(() => performance.mark('probe:open'));
          return open();
        });
        firsts.push(result.ms);
        const file = opts.trace.replace(/(\.json)?$/, `-${label}.json`);
        writeFileSync(file, JSON.stringify(events));
        console.log(`\n${label} traced first opening ${Math.round(result.ms)} ms (${file}):`);
        console.log(timeline(events, result));
      } else firsts.push((await open()).ms);
      await openStats(page, '/', ['header.top nav']);
      await page.waitForTimeout(300);
      seconds.push((await open()).ms);
      await page.close();
    }
  } finally {
    await context.close();
    server.close?.();
    rmSync(profile, { recursive: true, force: true });
  }
  return { firsts, seconds };
}

const results = Object.fromEntries(opts.dist.map((d) => [d, { firsts: [], seconds: [] }]));
for (let s = 0; s < Number(opts.sessions); s++) {
  for (const dist of opts.dist) {
    const r = await session(dist, `${basename(dist)}-${s}`);
    results[dist].firsts.push(...r.firsts);
    results[dist].seconds.push(...r.seconds);
    console.log(
      `${dist} session ${s}: first ${r.firsts.map(Math.round).join(', ')} ms; again ${r.seconds.map(Math.round).join(', ')} ms`,
    );
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
for (const [dist, r] of Object.entries(results)) {
  console.log(
    `${dist}: first opening median ${Math.round(median(r.firsts))} ms (${r.firsts.map(Math.round).join(', ')}); again median ${Math.round(median(r.seconds))} ms`,
  );
}
