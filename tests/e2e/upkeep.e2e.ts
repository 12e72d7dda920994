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

interface Behind {
  /** Roles whose stored snapshot misses a change the change sequence holds. */
  roles: string[];
  /** Rows left in the change log. */
  rows: number;
}

/** What the snapshots have yet to catch up on, read straight from IndexedDB. */
const behind = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Behind>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'changeLog']);
          const versions = tx.objectStore('meta').get('snapshots');
          const rows = tx.objectStore('changeLog').getAll();
          tx.oncomplete = () => {
            db.close();
            const covered = (versions.result?.value ?? {}) as Record<string, number>;
            const roles = new Set<string>();
            for (const row of rows.result as { usn: number; changes: { table: string; deckId: string }[] }[])
              for (const c of row.changes)
                if (c.table === 'states' && !(covered[c.deckId]! >= row.usn)) roles.add(c.deckId);
            resolve({ roles: [...roles], rows: rows.result.length });
          };
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
    expect((await behind(page)).roles).toContain('fundamentals');

    // Input every 20 s: the idle wait never completes, so nothing runs mid-review.
    for (let i = 0; i < 3; i++) {
      await page.clock.fastForward(20_000);
      await page.keyboard.press('Shift');
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect((await behind(page)).roles).toContain('fundamentals');

    // A pause: the upkeep worker brings the snapshots up to the change sequence, and prunes the
    // rows every reader has covered (all but the last, which holds the counter).
    await page.clock.fastForward(31_000);
    await expect.poll(() => behind(page), { timeout: 20_000 }).toEqual({ roles: [], rows: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
