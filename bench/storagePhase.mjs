import { median } from './report.mjs';

const MAIN_DB = 'interview-recall';

/** Calls `window.bench[name](...args)` in the harness page. */
const caller =
  (page) =>
  (name, ...args) =>
    page.evaluate(([fn, a]) => window.bench[fn](...a), [name, args]);

export async function openHarness(context, url, { newPage = false } = {}) {
  const page = (!newPage && context.pages()[0]) || (await context.newPage());
  page.on('pageerror', (e) => console.error('harness error:', e));
  await page.goto(`${url}/__bench/harness.html`);
  await page.waitForSelector('body[data-ready]');
  return { page, call: caller(page) };
}

/**
 * Deck sync against a plain bulkPut of the same rows, alternating which goes first. The first
 * import goes into the app's database unless the collection is already there (cached profile).
 */
export async function importPhase(call, runs, collectionPresent, step) {
  const importRates = [];
  const rawRates = [];
  for (let i = 0; i < runs; i++) {
    const target = i === 0 && !collectionPresent ? MAIN_DB : `bench-import-${i}`;
    const doImport = async () => {
      const r = await call('importDecks', target);
      importRates.push(r.cards / (r.ms / 1000));
      if (target !== MAIN_DB) await call('deleteDb', target);
    };
    const doRaw = async () => {
      const r = await call('rawBulkPut', `bench-raw-${i}`);
      rawRates.push(r.cards / (r.ms / 1000));
      await call('deleteDb', `bench-raw-${i}`);
    };
    step(`deck sync vs raw bulkPut, run ${i + 1}/${runs}`);
    if (i % 2 === 0) await doImport().then(doRaw);
    else await doRaw().then(doImport);
  }
  return {
    metrics: { import_cards_per_s: median(importRates), raw_bulkput_cards_per_s: median(rawRates) },
    env: { importCardsPerS: importRates.map(Math.round), rawCardsPerS: rawRates.map(Math.round) },
  };
}

/** Queues, the review write, and the optional features (export), with the page's peak heap. */
export async function measureStorage(context, page, call, now, exportCapMs) {
  const metrics = {};
  const q = await call('queues', 15, now);
  metrics.daily_queue_ms = median(q.daily);
  metrics.role_queue_ms = median(q.role);
  metrics.daily_due_count_ms = median(q.dueCount);
  metrics.daily_session_start_ms = median(q.session);
  const env = { queue: { dailyQueueCards: q.size, firstDailyMs: q.daily[0], firstRoleMs: q.role[0] } };
  const txn = await call('rawReviewTxn', 50);
  metrics.raw_review_txn_ms = median(txn.raw);
  metrics.record_review_ms = median(txn.dexie);

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap0 = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = heap0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const features = await call('optionalFeatures', now, exportCapMs);
  polling = false;
  await poll;
  Object.assign(metrics, features.metrics);
  if (metrics.export_csv_ms !== undefined) metrics.export_peak_heap_mb = (peak - heap0) / 1e6;
  return { metrics, env, missing: features.missing };
}
