// node bench/probes/rawLogWrites.mjs [reviews] [variants] [per transaction]
// How fast this machine's Chromium stores review rows, with raw IndexedDB (no Dexie, no
// middleware), in a fresh profile: `full` (a store shaped like `logs`: key id, indexes cardId,
// review, [deckId+review]), `pk` (the key alone), `blocks` (5,000 reviews a record, in columns).
// What a first pull's writes cost at best (issue 21). Defaults: 200000 full,pk,blocks 20000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';

const reviews = Number(process.argv[2] ?? 200_000);
const variants = (process.argv[3] ?? 'full,pk,blocks').split(',');
const perTransaction = Number(process.argv[4] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'raw-log-writes-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  // Any origin will do for IndexedDB; nothing is fetched.
  await page.route('http://probe.local/**', (r) => r.fulfill({ contentType: 'text/html', body: '<p>probe' }));
  await page.goto('http://probe.local/');
  const result = await page.evaluate(
    async ({ reviews, variants, perTransaction }) => {
      const hex = (n) => Array.from({ length: n }, () => ((Math.random() * 16) | 0).toString(16)).join('');
      const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
      const deck = (i) => `synthetic-${String(i % 12).padStart(2, '0')}`;
      const row = (i) => ({
        id: uuid(),
        cardId: `${deck(i)}.card-${(i * 7919) % 100_000}`,
        deckId: deck(i),
        rating: 3,
        state: 2,
        due: 1.7e12 + i * 1000,
        stability: 12.3456,
        difficulty: 5.4321,
        elapsedDays: 3,
        lastElapsedDays: 2,
        scheduledDays: 7,
        learningSteps: 0,
        review: 1.7e12 + i * 997,
        durationMs: 8000,
      });
      const open = (name, create) =>
        new Promise((resolve, reject) => {
          const r = indexedDB.open(name, 1);
          r.onupgradeneeded = () => create(r.result);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const done = (tx) =>
        new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      const out = {};
      for (const v of variants) {
        const db = await open(`probe-${v}`, (d) => {
          const store = d.createObjectStore('logs', { keyPath: v === 'blocks' ? 'key' : 'id' });
          if (v !== 'full') return;
          store.createIndex('cardId', 'cardId');
          store.createIndex('review', 'review');
          store.createIndex('deckId+review', ['deckId', 'review']);
        });
        // Only the transactions are timed, not making the rows.
        let ms = 0;
        for (let p = 0; p < reviews; p += perTransaction) {
          const rows = Array.from({ length: Math.min(perTransaction, reviews - p) }, (_, j) => row(p + j));
          const t0 = performance.now();
          const tx = db.transaction('logs', 'readwrite');
          const store = tx.objectStore('logs');
          if (v === 'blocks')
            for (let b = 0; b < rows.length; b += 5000) {
              const chunk = rows.slice(b, b + 5000);
              store.put({
                key: `${p}-${b}`,
                ids: chunk.map((r) => r.id),
                cardIds: chunk.map((r) => r.cardId),
                review: Float64Array.from(chunk, (r) => r.review),
                rating: Uint8Array.from(chunk, (r) => r.rating),
                stability: Float64Array.from(chunk, (r) => r.stability),
                difficulty: Float64Array.from(chunk, (r) => r.difficulty),
              });
            }
          else for (const r of rows) store.add(r);
          await done(tx);
          ms += performance.now() - t0;
        }
        out[v] = { ms: Math.round(ms), reviewsPerS: Math.round(reviews / (ms / 1000)) };
        db.close();
      }
      return out;
    },
    { reviews, variants, perTransaction },
  );
  console.log(`${reviews} reviews, ${perTransaction} a transaction:`, JSON.stringify(result));
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
