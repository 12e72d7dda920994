import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, reviewByKeyboard } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The keys of the `changes` rows (what derived data has yet to catch up on), read straight from IndexedDB. */
const marks = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('changes').objectStore('changes').getAllKeys();
          keys.onsuccess = () => (
            db.close(),
            resolve(keys.result.map(String).filter((k) => k.startsWith('card')))
          );
        };
      }),
  );

describe('idle upkeep', () => {
  it('brings statistics snapshots up to date only after the user pauses, never while they review', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    // A fake clock, so the 30 s idle wait passes on command; the worker itself runs in real time.
    await context.clock.install();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl() + '/review');
    await page.locator('.card-question').waitFor();
    for (let i = 0; i < 3; i++) await reviewByKeyboard(page, '3');
    expect(await marks(page)).toContain('cards:fundamentals');

    // Input every 20 s: the idle wait never completes, so nothing runs mid-review.
    for (let i = 0; i < 3; i++) {
      await page.clock.fastForward(20_000);
      await page.keyboard.press('Shift');
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(await marks(page)).toContain('cards:fundamentals');

    // A pause: the upkeep worker applies the marks to the snapshots.
    await page.clock.fastForward(31_000);
    await expect.poll(() => marks(page), { timeout: 20_000 }).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
