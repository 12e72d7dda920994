// node bench/probes/queueProfile.mjs --dist DIR [--dist DIR2 …] [--rate 2 --rate 1] [--sessions 3] [--runs 15]
// Today's queues as `npm run bench` times them (the harness's `queues`: daily_queue_ms and the
// others), on a copy of the cached full collection, CPU slowed --rate times. Each dist is an app
// build with the bench harness built into its __bench folder:
//   BUILD_OUT_DIR=DIR npx vite build && BENCH_HARNESS_OUT=DIR/__bench npx vite build --config bench/harness.config.ts
// Sessions alternate between the dists (A B A B…), each in a fresh browser on a fresh copy.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { cachedCollection } from '../cache.mjs';
import { median } from '../report.mjs';
import { serveWhenFree } from '../server.mjs';
import { openHarness } from '../storagePhase.mjs';
import { throttle } from '../throttle.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    rate: { type: 'string', multiple: true, default: ['2', '1'] },
    sessions: { type: 'string', default: '3' },
    runs: { type: 'string', default: '15' },
  },
});
if (!opts.dist?.length)
  throw new Error('--dist DIR (an app build with the harness in DIR/__bench) is required');
const ROOT = resolve(import.meta.dirname, '../..');
const { profile: cachedProfile, port } = cachedCollection(ROOT, 'full');

async function session(dist) {
  const server = await serveWhenFree(resolve(dist), port);
  const profile = mkdtempSync(join(tmpdir(), 'queue-profile-'));
  cpSync(cachedProfile, profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'en-US',
  });
  const out = {};
  try {
    for (const rate of opts.rate) {
      const { page, call } = await openHarness(context, `http://127.0.0.1:${port}`, { newPage: true });
      await throttle(context, page, Number(rate));
      const q = await call('queues', Number(opts.runs), Date.now());
      out[rate] = { daily: median(q.daily), role: median(q.role), session: median(q.session) };
      await page.close();
    }
  } finally {
    await context.close();
    server.close?.();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

const all = Object.fromEntries(opts.dist.map((d) => [d, []]));
for (let s = 0; s < Number(opts.sessions); s++)
  for (const dist of opts.dist) {
    const load = loadavg()[0].toFixed(1);
    const r = await session(dist);
    all[dist].push(r);
    const line = Object.entries(r)
      .map(
        ([rate, m]) =>
          `${rate}x daily ${m.daily.toFixed(1)} role ${m.role.toFixed(1)} session ${m.session.toFixed(1)}`,
      )
      .join(' | ');
    console.log(`${basename(dist)} #${s} (load ${load}): ${line}`);
  }
for (const [dist, rs] of Object.entries(all))
  for (const rate of opts.rate)
    console.log(
      `${basename(dist)} ${rate}x, median of ${rs.length} sessions: daily ${median(rs.map((r) => r[rate].daily)).toFixed(1)} ms, role ${median(rs.map((r) => r[rate].role)).toFixed(1)}, session ${median(rs.map((r) => r[rate].session)).toFixed(1)}`,
    );
