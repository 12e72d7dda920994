import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzKb } from './bundle.mjs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export const installProbe = (context) => context.addInitScript({ content: PROBE });

/**
 * First visit of the app in a context whose IndexedDB already holds the collection: boot, and the
 * service worker's install (it precaches every asset). Done before any measurement, so none of
 * them competes with the first install.
 */
export async function warmUp(context, base) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('header.top nav', { timeout: 60_000 });
  const sw = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 'unsupported';
    const reg = await navigator.serviceWorker.ready;
    const worker = reg.active;
    if (worker && worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', resolve));
    }
    return reg.active?.state ?? 'none';
  });
  await page.close();
  return sw;
}

/** Opens /review in a fresh page and waits for the first card to be painted. */
async function openReview(context, base) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/review`);
  await page.waitForFunction(() => window.__bench?.firstCard !== null, null, { timeout: 60_000 });
  return { page, errors };
}

/** Cold starts with the collection present: time to first card, and the JS that had loaded by then. */
export async function coldStarts(context, base, dist, runs) {
  const starts = [];
  const initial = [];
  const lists = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await openReview(context, base);
    const { firstCard, scripts } = await page.evaluate(() => ({
      firstCard: window.__bench.firstCard,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ path: new URL(e.name).pathname, end: e.responseEnd })),
    }));
    const loaded = scripts.filter((s) => s.end <= firstCard).map((s) => s.path);
    const files = loaded.map((path) => ({ path, gzKb: gzKb(join(dist, path)) }));
    starts.push(firstCard);
    initial.push(files.reduce((n, f) => n + f.gzKb, 0));
    lists.push(files);
    await page.close();
  }
  // The file list of the run whose total is the median (the Markdown chunk sometimes lands first).
  const mid = [...initial].sort((a, b) => a - b)[(runs - 1) >> 1];
  return { starts, initial, files: lists[initial.indexOf(mid)] };
}

const RATINGS = ['3', '3', '1', '3', '4', '3', '2', '3', '3', '3'];

/** `count` reviews in the real UI: Space reveals, a rating key answers; the probe times each. */
export async function reviewLoop(context, base, count, warmup = 5) {
  const { page, errors } = await openReview(context, base);
  const window0 = await page.evaluate(() => performance.now());
  let failed = 0;
  for (let i = 0; i < count + warmup; i++) {
    const before = await page.evaluate(() => window.__bench.reviews.length);
    await page.keyboard.press('Space');
    await page.waitForSelector('article.card .card-answer', { timeout: 10_000 });
    await page.waitForTimeout(40);
    await page.keyboard.press(RATINGS[i % RATINGS.length]);
    try {
      await page.waitForFunction((n) => window.__bench.reviews.length > n, before, { timeout: 10_000 });
    } catch {
      failed++;
      if (failed > 5) throw new Error(`reviews stopped advancing: ${errors.join('; ')}`);
    }
    await page.waitForTimeout(40);
  }
  const result = await page.evaluate(
    ([from, skip]) => ({
      reviews: window.__bench.reviews.slice(skip),
      dom: window.__bench.dom.slice(skip),
      keys: window.__bench.keys.slice(skip),
      longtasks: window.__bench.longtasks.filter(([start]) => start >= from),
      timeOrigin: performance.timeOrigin,
    }),
    [window0, warmup],
  );
  await page.close();
  return { ...result, failed, errors };
}

/**
 * Statistics as the user opens them: a client-side navigation from Today to `path`, until the
 * statistics screen (`.stats`, and every `ready` selector) is painted. Returns null when the screen
 * never appears (the feature is missing or its markup changed).
 */
export async function openStats(page, path, ready) {
  return page.evaluate(
    async ([to, selectors]) => {
      const t0 = performance.now();
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
      const done = () => selectors.every((s) => document.querySelector(s));
      const painted = await new Promise((resolve) => {
        const finish = () => {
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          });
        };
        const observer = new MutationObserver(() => done() && finish());
        const timer = setTimeout(() => (observer.disconnect(), resolve(null)), 120_000);
        observer.observe(document, { subtree: true, childList: true });
        if (done()) finish();
      });
      return painted === null ? null : { ms: painted - t0, from: t0, to: painted };
    },
    [path, ready],
  );
}

export async function statsLoads(context, base, roleId, runs) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('header.top nav', { timeout: 60_000 });
  const targets = {
    all: ['/stats', ['.stats h1', '.stats #roles-h']],
    role: [`/roles/${roleId}/stats`, ['.stats h1']],
  };
  const times = { all: [], role: [] };
  const windows = [];
  for (let i = 0; i < runs; i++) {
    for (const [name, [path, ready]] of Object.entries(targets)) {
      const r = await openStats(page, path, ready);
      if (!r) return { missing: `${path} never showed ${ready.join(' + ')}` };
      times[name].push(r.ms);
      windows.push([r.from, r.to]);
      await openStats(page, '/', ['header.top nav']);
      await page.waitForTimeout(300);
    }
  }
  const longtasks = await page.evaluate(
    (spans) => window.__bench.longtasks.filter(([s, d]) => spans.some(([a, b]) => s + d >= a && s <= b)),
    windows,
  );
  await page.close();
  return { times, longtasks };
}
