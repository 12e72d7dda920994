import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, launch, openApp, storedRows } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const storedLogs = async (page: Page) =>
  (await storedRows<{ logs: { cardId: string }[] }>(page, ['logs'])).logs.map((l) => l.cardId);

/** Rates the card on screen Easy and reloads the page `delay` ms later, from inside the page. */
const rateThenReload = (page: Page, delay: number) =>
  page.evaluate((ms) => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', code: 'Digit4', bubbles: true }));
    setTimeout(() => location.reload(), ms);
  }, delay);

describe('a reload right after a rating', () => {
  it('keeps every rating, whether the page reloads at once or up to 30 ms later', async () => {
    const { page, context, errors } = await openApp(browser, '/review/fundamentals');
    const roles = ['fundamentals', 'rag', 'agent', 'inference'];
    const rated: string[] = [];
    let delay = 0;
    for (const role of roles) {
      await page.goto(`${baseUrl()}/review/${role}`);
      // Ten new cards a day per role; Easy sends each days ahead, so none comes back today.
      for (let i = 0; i < 10; i++) {
        await page.locator('.card-question').waitFor();
        const card = await currentCard(page);
        await page.keyboard.press('Space');
        await page.locator('.card-answer').waitFor();
        const loaded = page.waitForEvent('load');
        await rateThenReload(page, delay);
        await loaded;
        rated.push(`${card}`);
        delay = (delay + 1) % 31;
      }
    }
    await page.locator('.card-question, .done').first().waitFor();
    // A lost rating shows its card again, which is rated again: count ratings, not cards.
    const logs = await storedLogs(page);
    console.info(`reload window: ${rated.length - logs.length} of ${rated.length} ratings lost`);
    expect(logs.length).toBe(rated.length);
    expect(new Set(logs)).toEqual(new Set(rated));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a rating pressed while the code that writes reviews is still downloading, through a reload at once', async () => {
    // No service worker, so the page's requests can be slowed: the review's writes, a chunk loaded
    // after the first card, arrive two seconds late (a slow disk or network).
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    await context.route('**/assets/writes-*.js', (route) => {
      setTimeout(() => void route.continue().catch(() => undefined), 2000);
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl()}/review/fundamentals`);
    await page.locator('.card-question').waitFor();
    const card = await currentCard(page);
    await page.keyboard.press('Space');
    await page.locator('.card-answer').waitFor();
    const loaded = page.waitForEvent('load');
    await rateThenReload(page, 0);
    await loaded;
    await page.locator('.card-question, .done').first().waitFor();
    expect(await currentCard(page)).not.toBe(card);
    expect(await storedLogs(page)).toEqual([card]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a rating whose tab is closed right after the key, and writes it when the app opens again', async () => {
    const { page: first, context } = await openApp(browser, '/review/rag');
    let page = first;
    const rated: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.locator('.card-question').waitFor();
      const card = await currentCard(page);
      await page.keyboard.press('Space');
      await page.locator('.card-answer').waitFor();
      await page.evaluate(() =>
        window.dispatchEvent(new KeyboardEvent('keydown', { key: '4', code: 'Digit4', bubbles: true })),
      );
      await page.close();
      rated.push(`${card}`);
      page = await context.newPage();
      await page.goto(`${baseUrl()}/review/rag`);
    }
    await page.locator('.card-question, .done').first().waitFor();
    const logs = await storedLogs(page);
    console.info(`tab close: ${rated.length - logs.length} of ${rated.length} ratings lost`);
    expect(logs.length).toBe(rated.length);
    // The card on screen is one not rated yet.
    expect(rated).not.toContain(await currentCard(page));
    await context.close();
  });
});
