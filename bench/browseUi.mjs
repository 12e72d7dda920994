import { openStats } from './ui.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/**
 * The card browser in the app at the collection's size: opened (the first opening builds the
 * search index in its worker, timed apart), then queries typed key by key at a brisk pace (English,
 * Chinese, a word growing as typed) and the list scrolled by wheel and by jumps, as a user drags
 * the scrollbar. The longest main-thread task while typing and scrolling is the metric.
 */
export async function browseUi(context, base) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(`${base}/browse`);
  const count = page.locator('.browse-count');
  try {
    await count.waitFor({ timeout: 600_000 });
  } catch {
    await page.close();
    return { missing: `/browse never showed its results (${errors.join('; ') || 'no error'})` };
  }
  const firstOpenMs = Date.now() - t0;
  const from = await page.evaluate(() => performance.now());
  const typed = [];
  try {
    await typeAndScroll(page, count, typed);
  } catch (error) {
    await page.close();
    return { missing: `typing or scrolling in /browse failed: ${String(error).split('\n')[0]}` };
  }
  const rowsShown = await page.locator('.vlist [role=listitem] a').count();
  const longtasks = await page.evaluate((t) => window.__bench.longtasks.filter(([s]) => s >= t), from);
  await page.close();
  return {
    longest: Math.max(0, ...longtasks.map(([, d]) => d)),
    longtasks: longtasks.map(([, d]) => Math.round(d)),
    firstOpenMs,
    typed,
    rowsShown,
    errors,
  };
}

/**
 * The card page as a user opens it: a client-side navigation to /cards/:id (the card the harness
 * gave 500 reviews) until its chart over all 500 and the history's first page (the latest 50
 * reviews; the earlier ones are behind a button) are painted. Median of `runs`; the first
 * also loads the page's code.
 */
export async function cardPageUi(context, base, runs) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('header.top nav', { timeout: 60_000 });
  const id = await page.evaluate(() => localStorage.getItem('bench.cardPage'));
  if (!id) {
    await page.close();
    return { missing: 'no card with 500 reviews (the harness probe did not run)' };
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = await openStats(page, `/cards/${encodeURIComponent(id)}`, [
      '.card-history tbody tr:nth-child(50)',
      'svg.card-chart',
    ]);
    if (!r) {
      await page.close();
      return { missing: `/cards/${id} never showed its latest 50 reviews and its chart` };
    }
    times.push(r.ms);
    await openStats(page, '/', ['header.top nav']);
    await page.waitForTimeout(300);
  }
  await page.close();
  return { ms: median(times), times };
}

/** Queries typed key by key at a brisk pace, then the list scrolled by wheel and by jumps. */
async function typeAndScroll(page, count, typed) {
  const input = page.locator('#browse-search');
  for (const query of ['attention cache', '注意力 缓存', 'gradient checkpoint', '量']) {
    await input.fill('');
    await page.waitForTimeout(300);
    const start = Date.now();
    await input.pressSequentially(query, { delay: 90 });
    // The URL takes the text once the user pauses; then the list shows its results.
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query, {
      timeout: 60_000,
    });
    await page.waitForTimeout(400);
    typed.push({ query, ms: Date.now() - start, shown: (await count.textContent())?.trim() });
  }
  await input.fill('');
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('q'), null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const list = page.locator('.vlist');
  await list.hover();
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(30);
  }
  for (const at of [0.25, 0.5, 0.9, 0.1, 1]) {
    await list.evaluate((el, f) => (el.scrollTop = f * (el.scrollHeight - el.clientHeight)), at);
    await page.waitForTimeout(250);
  }
}
