import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import v10 from '../../src/storage/fixtures/db-v10.json';
import { V10_STORES } from '../../src/storage/fixtures/oldStores';
import { baseUrl, launch, storedRows } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The v10 fixture, its cards renamed to cards of the bundled RAG deck. */
const CARD = 'rag.pipeline-end-to-end';
const tables = JSON.parse(
  JSON.stringify(v10.tables)
    .replaceAll('rag.c0', CARD)
    .replaceAll('rag.c1', 'rag.rag-vs-long-context-vs-finetuning'),
) as Record<string, Record<string, unknown>[]>;

/** Stores a database as schema v10 left it (IndexedDB version 100), with the raw IndexedDB API. */
const storeV10 = (page: Page) =>
  page.evaluate(
    ({ stores, tables }) =>
      new Promise<void>((resolve, reject) => {
        const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
        const open = indexedDB.open('interview-recall', 100);
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => {
          for (const [name, spec] of Object.entries(stores)) {
            const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
            const store = open.result.createObjectStore(name, { keyPath: keyPath(primary!) });
            for (const index of indexes) store.createIndex(index, keyPath(index));
          }
        };
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(tables), 'readwrite');
          for (const [name, rows] of Object.entries(tables))
            for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { stores: V10_STORES, tables },
  );

const storedLayout = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          resolve({ version: open.result.version, stores: [...open.result.objectStoreNames] });
          open.result.close();
        };
      }),
  );

describe('a returning user with an older database', () => {
  it('finds everything kept after the first screen loads the upgrades it no longer declares up front (v10 → v12)', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // A page of the app's origin that runs none of its code, to store the old database in.
    await page.goto(baseUrl() + '/manifest.webmanifest');
    await storeV10(page);

    await page.goto(baseUrl() + `/cards/${CARD}`);
    // The note written before the upgrade, on the card's page (in Chinese, the stored language). The
    // page waits for the bundled decks, all stored again since the fixture's hashes are not theirs.
    await expect
      .poll(() => page.locator('strong', { hasText: 'chunking' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);

    const layout = await storedLayout(page);
    expect(layout.version).toBe(120);
    expect(layout.stores).not.toContain('changes');
    expect(layout.stores).toContain('pulledBlocks');
    const rows = await storedRows<{ logs: { id: string }[]; meta: { key: string; value: unknown }[] }>(page, [
      'logs',
      'meta',
    ]);
    expect(rows.logs.map((l) => l.id).sort()).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
    // v11's upgrade ran: the bookkeeping moved from settings to meta.
    expect(rows.meta).toEqual(
      expect.arrayContaining([
        { key: 'rollupRollover', value: 5 },
        { key: 'notesStamp', value: 0.25 },
      ]),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
