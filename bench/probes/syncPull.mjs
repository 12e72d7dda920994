// node bench/probes/syncPull.mjs [--size small|full] [--no-profile] [--proxy] — sync's first pull on the
// bench's cached collection (run the bench, or bench/syncRun.mjs, once first): pushes the
// collection to an in-memory CouchDB-protocol server through the app's sync engine, then pulls it
// into a second database with the same decks, then a day's 200 reviews across, with the page's
// JavaScript profiled; prints each phase's time, each page's, the functions that took the most time,
// and the day's two syncs call by call (the gaps between the server's calls are the device's work),
// then the time to write the pull's blocks into logs (the sync worker's background work after a pull).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cachedCollection } from '../cache.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { startCouchTestServer } from '../../scripts/couch-test-server.mjs';
import { serve } from '../server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    'no-profile': { type: 'boolean', default: false },
    // Serve on any free port as the browser's proxy for the collection's origin (IndexedDB is per
    // origin), when a bench holds that port.
    proxy: { type: 'boolean', default: false },
  },
});
const SIZES = { small: 10_000, full: 100_000 };
const { profile: cachedProfile, port } = cachedCollection(ROOT, opts.size);
const out = mkdtempSync(join(tmpdir(), 'sync-probe-'));
await build({
  root: import.meta.dirname,
  base: '/__probe/',
  logLevel: 'warn',
  build: {
    outDir: join(out, 'site/__probe'),
    emptyOutDir: true,
    // Readable names in the profile.
    minify: false,
    rollupOptions: { input: join(import.meta.dirname, 'syncPull.html') },
  },
});
const profile = join(out, 'profile');
cpSync(cachedProfile, profile, { recursive: true });
const server = await serve(join(out, 'site'), opts.proxy ? 0 : port);
const origin = `http://127.0.0.1:${port}`;
const couch = await startCouchTestServer();
const proxy = opts.proxy
  ? [
      `--proxy-server=${server.url.replace('http://', '')}`,
      // Loopback goes through the proxy, except the sync server.
      `--proxy-bypass-list=<-loopback>;${couch.url.replace('http://', '')}`,
    ]
  : [];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, ...proxy],
  headless: true,
});
const log = (what) => console.log(`[probe ${new Date().toISOString().slice(11, 19)}] ${what}`);
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(e));
  await page.goto(`${origin}/__probe/syncPull.html`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const call = (name, ...args) => page.evaluate(([n, a]) => window.probe[n](...a), [name, args]);
  const target = { url: `${couch.url}/probe`, user: couch.user, password: couch.password };
  const cdp = await context.newCDPSession(page);
  const profiled = async (what, fn) => {
    if (opts['no-profile']) return fn();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const result = await fn();
    const { profile: cpu } = await cdp.send('Profiler.stop');
    const dt = new Map();
    cpu.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0)));
    const self = new Map();
    for (const node of cpu.nodes) {
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`${what}: ${Math.round(total)} ms sampled on the page's thread; top self time:`);
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`  ${Math.round(ms).toString().padStart(7)} ms  ${k}`);
    return result;
  };
  const steps = (run) => {
    let last = 0;
    for (const s of run.steps) {
      console.log(`  ${s.phase} ${s.phase === 'push' ? s.pushed : s.pulled}: +${Math.round(s.ms - last)} ms`);
      last = s.ms;
    }
  };
  log('pushing the collection');
  const push = await profiled('push', () => call('push', target));
  log(
    `pushed ${push.counts.pushed} in ${Math.round(push.ms)} ms (node rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`,
  );
  steps(push);
  const prepared = await call('prepare', 20240601, 12, SIZES[opts.size]);
  log(`second database: ${prepared.states} cards in ${Math.round(prepared.ms)} ms`);
  const pull = await profiled('pull', () => call('pull', target));
  log(
    `pulled ${pull.counts.pulled} in ${Math.round(pull.ms)} ms (node rss ${Math.round(process.memoryUsage().rss / 1e6)} MB)`,
  );
  steps(pull);
  // The syncs call by call: a gap before a call is work done on the device.
  const timeline = (run) => {
    let last = 0;
    for (const c of run.calls) {
      console.log(
        `  +${Math.round(c.from - last)
          .toString()
          .padStart(5)} ms here, ${Math.round(c.to - c.from)
          .toString()
          .padStart(5)} ms ${c.call}`,
      );
      last = c.to;
    }
    console.log(
      `  +${Math.round(run.ms - last)
        .toString()
        .padStart(5)} ms here to the end`,
    );
  };
  timeline(pull);
  await call('day', 200);
  const dayPush = await profiled('a day: push', () => call('push', target));
  log(`a day: pushed ${dayPush.counts.pushed} in ${Math.round(dayPush.ms)} ms`);
  timeline(dayPush);
  const dayPull = await profiled('a day: pull', () => call('pull', target));
  log(`a day: pulled ${dayPull.counts.pulled} in ${Math.round(dayPull.ms)} ms`);
  timeline(dayPull);
  // The pull's blocks written into logs (the sync worker does it in the background after a pull).
  const expanded = await call('expand');
  log(
    `wrote ${expanded.rows} pulled reviews into logs in ${Math.round(expanded.ms)} ms (${expanded.logs} rows now), then replayed ${expanded.replayed} cards in ${Math.round(expanded.replayMs)} ms`,
  );
} finally {
  await context.close();
  await couch.close();
  server.close?.();
  rmSync(out, { recursive: true, force: true });
}
