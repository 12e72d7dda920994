import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, launch } from './browser';
import {
  device,
  putDoc,
  review,
  serverDocs,
  setUpSync,
  stored,
  syncNow,
  syncSection,
  upToDate,
} from './syncDevices';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const BATCHES = 4;
const PER_BATCH = 5_000;

/** Rows of IndexedDB stores counted in a page of the app's origin that runs none of its code. */
const counted = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ logs: number; pulledBlocks: number }>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['logs', 'pulledBlocks']);
          const logs = tx.objectStore('logs').count();
          const blocks = tx.objectStore('pulledBlocks').count();
          tx.oncomplete = () => {
            resolve({ logs: logs.result, pulledBlocks: blocks.result });
            open.result.close();
          };
        };
      }),
  );

describe('a first pull of a long history', () => {
  it('ends with every review, written into the history in the background, resuming after the tab closed', async () => {
    const couch = inject('couch');
    const database = `large-pull-${Date.now()}`;
    // The laptop reviews four cards and syncs: its batch is the pattern of a long history's.
    const laptop = await device(browser);
    await setUpSync(laptop, couch, database);
    await upToDate(laptop);
    await review(laptop, ['3', '3', '3', '3']);
    await laptop.goto(baseUrl() + '/settings');
    await syncNow(laptop);
    const pattern = (await serverDocs(couch, database)).find((d) => d.kind === 'reviews')!;
    const fields = pattern.fields as string[];
    const [idAt, reviewAt, cardAt] = ['id', 'review', 'cardId'].map((f) => fields.indexOf(f));
    const rows = pattern.rows as unknown[][];
    const cards = rows.map((r) => r[cardAt!] as string);
    // 20,000 more reviews of those cards, a minute apart, from another device.
    const start = Date.now() - 30 * 86_400_000;
    for (let b = 0; b < BATCHES; b++)
      await putDoc(couch, database, {
        _id: `reviews:tablet:${String(b).padStart(10, '0')}`,
        kind: 'reviews',
        format: pattern.format,
        device: 'tablet',
        seq: b,
        fields,
        rows: Array.from({ length: PER_BATCH }, (_, i) => {
          const n = b * PER_BATCH + i;
          const row = [...rows[n % rows.length]!];
          row[idAt!] = `tablet-${n}`;
          row[reviewAt!] = start + n * 60_000;
          return row;
        }),
      });
    const total = BATCHES * PER_BATCH + rows.length;

    const phone = await device(browser);
    await setUpSync(phone, couch, database);
    await upToDate(phone);
    // The pull has ended; its reviews are added to the history after it, and the section says so.
    await syncSection(phone).locator('[data-sync-storing]').waitFor();
    // The tab closes midway; a page that runs none of the app's code finds blocks still waiting.
    const context = phone.context();
    await phone.close();
    const probe = await context.newPage();
    await probe.goto(baseUrl() + '/manifest.webmanifest');
    const midway = await counted(probe);
    expect(midway.pulledBlocks).toBeGreaterThan(0);
    expect(midway.logs).toBeLessThan(total);

    // Opened again, the app goes on from there.
    const again = await context.newPage();
    await again.goto(baseUrl() + '/settings');
    await expect
      .poll(async () => counted(probe), { timeout: 60_000, interval: 500 })
      .toEqual({ logs: total, pulledBlocks: 0 });
    const { logs, states } = await stored(again);
    expect(new Set(logs.map((l) => l.id)).size).toBe(total);
    // Every card has the state of all its reviews, here and elsewhere.
    for (const cardId of cards) {
      const reviews = logs.filter((l) => l.cardId === cardId).length;
      expect(states.find((s) => s.cardId === cardId)!.reps).toBe(reviews);
    }
    expect(await syncSection(again).locator('[data-sync-storing]').count()).toBe(0);
    await laptop.context().close();
    await context.close();
  }, 180_000);
});
