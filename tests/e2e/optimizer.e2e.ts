import { default_w } from 'ts-fsrs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../src/domain/optimizer/synthetic';
import { newState } from '../../src/domain/scheduling/newState';
import { Scheduler } from '../../src/domain/scheduling/scheduler';
import { formatInterval } from '../../src/i18n/format';
import { baseUrl, launch, openApp, optimizationOutcome, toggleSetting } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// A learner who forgets faster than FSRS's defaults assume.
const TRUTH = [
  0.1, 0.5, 1.8, 6.0, 7.4, 0.6, 2.4, 0.05, 1.2, 0.15, 1.1, 1.6, 0.08, 0.4, 1.8, 0.3, 2.2, 0.5, 0.15, 0.1,
  0.35,
];

/** The Easy button's interval on the first new card of the role's review. */
async function easyInterval(page: Page): Promise<string> {
  await page.goto(baseUrl() + '/review/fundamentals');
  await page.locator('article.card').waitFor();
  await page.keyboard.press('Space');
  return page.locator('button.rate-4 .rate-interval').innerText();
}

/** Writes review logs straight into the app's IndexedDB, as a long history would have left them. */
async function seedLogs(page: Page, logs: unknown[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('interview-recall');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('logs', 'readwrite');
      for (const row of rows) tx.objectStore('logs').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, logs);
}

describe('FSRS optimizer', () => {
  it('trains on the review history in the browser, adopts better parameters, and the next interval shown uses them', async () => {
    const { page, errors } = await openApp(browser, '/settings');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await toggleSetting(page.getByLabel('Fuzz intervals (spreads reviews out)'), false);

    // Eight months of reviews (seeded) of 250 cards by a learner whose memory follows TRUTH.
    const days = 240;
    const start = Date.now() - (days + 1) * 86_400_000;
    const { logs } = syntheticHistory({
      seed: 11,
      cards: 250,
      days,
      truth: TRUTH,
      start,
      deckId: 'fundamentals',
    });
    await seedLogs(page, logs);

    await easyInterval(page); // shown with the default parameters, before optimizing

    await page.goto(baseUrl() + '/roles/fundamentals/optimizer');
    await page.getByTestId('review-count').waitFor({ timeout: 30_000 });
    const counted = Number(
      (await page.getByTestId('review-count').innerText()).split(' ')[0]!.replace(/,/g, ''),
    );
    expect(counted).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
    // The screen says what the run is doing, not only that it runs.
    await page.getByTestId('training-stage').filter({ hasText: 'Fitting the parameters.' }).waitFor();
    expect(await optimizationOutcome(page)).toMatch(/^Adopted/);
    const lossBefore = Number(await page.getByTestId('loss-before').innerText());
    const lossFitted = Number(await page.getByTestId('loss-fitted').innerText());
    expect(lossFitted).toBeLessThan(lossBefore);
    expect(await page.getByRole('table').last().innerText()).toContain('adopted');
    expect(await page.getByTestId('in-use').innerText()).toMatch(/parameters fitted on/);

    // The stored parameters schedule the role's next card (after a reload, read at boot).
    const w = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('interview-recall');
        open.onsuccess = () => resolve(open.result);
      });
      const row = await new Promise<{ value: Record<string, { w: number[] }> }>((resolve) => {
        const get = db.transaction('settings').objectStore('settings').get('fsrsParams');
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return row.value.fundamentals!.w;
    });
    const scheduler = new Scheduler({
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz: false,
      maximumInterval: 36_500,
      w,
    });
    const expected = formatInterval(
      scheduler.preview(newState('fundamentals.x', 'fundamentals', 0), Date.now())[4],
      'en',
    );
    const after = await easyInterval(page);
    expect(after).toBe(expected);
    // The interval is shown rounded to days: fitted parameters can land on the same label as the
    // defaults, so the check is that the label is the one the stored parameters give, and that
    // those parameters are not the defaults.
    expect(w).not.toEqual([...default_w]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('trains offline after the first visit: its WebAssembly is precached by the service worker', async () => {
    const { page, context, errors } = await openApp(browser, '/');
    await page.locator('.today-summary').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const { logs } = syntheticHistory({
      seed: 5,
      cards: 80,
      days: 120,
      truth: TRUTH,
      start: Date.now() - 121 * 86_400_000,
      deckId: 'fundamentals',
    });
    await seedLogs(page, logs);

    await context.setOffline(true);
    await page.goto(baseUrl() + '/roles/fundamentals/optimizer');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByTestId('review-count').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
    expect(await optimizationOutcome(page)).toMatch(/^(Adopted|Kept)/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('says its threads did not start when the browser refuses them, and trains when tried again', async () => {
    // No service worker, so the optimizer worker's script can be served with a policy that refuses
    // the workers it starts (the thread pool's), as a host's Content-Security-Policy might.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    let refuse = true;
    await context.route('**/assets/optimizer.worker-*.js', async (route) => {
      if (!refuse) return route.continue();
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl() + '/settings');
    await page.getByRole('heading').first().waitFor();
    const { logs } = syntheticHistory({
      seed: 5,
      cards: 80,
      days: 120,
      truth: TRUTH,
      start: Date.now() - 121 * 86_400_000,
      deckId: 'fundamentals',
    });
    await seedLogs(page, logs);
    await page.goto(baseUrl() + '/roles/fundamentals/optimizer');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByTestId('review-count').waitFor({ timeout: 30_000 });
    const optimize = page.getByRole('button', { name: 'Optimize', exact: true });
    await optimize.click();
    expect(await optimizationOutcome(page)).toMatch(
      /^The optimizer failed to start: the browser did not run its threads/,
    );
    expect(await page.getByTestId('in-use').innerText()).toMatch(/default parameters/);

    refuse = false;
    await optimize.click();
    expect(await optimizationOutcome(page)).toMatch(/^(Adopted|Kept)/);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
