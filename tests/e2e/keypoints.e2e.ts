import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, launch, openApp, ratingSaved, storedRows } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface StoredLog {
  cardId: string;
  rating: number;
  keyPointsHit?: number;
  keyPointsTotal?: number;
}

/** The review logs as IndexedDB holds them. */
const storedLogs = async (page: Page) => (await storedRows<{ logs: StoredLog[] }>(page, ['logs'])).logs;

const ticked = (page: Page) => page.locator('.key-points input[type="checkbox"]:checked').count();
const suggested = (page: Page) => page.locator('.rate.suggested .rate-label').innerText();

describe('key points', () => {
  it('ticks key points by keyboard; the suggestion follows, Enter accepts it, undo restores the ticks', async () => {
    const { page, context, errors } = await openApp(browser, '/review');
    await page.locator('.card-question').waitFor();
    const first = await currentCard(page);
    await page.keyboard.press('Space');
    await page.locator('.key-points').waitFor();
    const total = await page.locator('.key-points li').count();
    expect(total).toBeGreaterThanOrEqual(3);
    expect(await page.locator('details.model-answer').getAttribute('open')).toBeNull();
    expect(await suggested(page)).toMatch(/^Again/);
    for (const key of ['q', 'w', 'e', 'r', 't'].slice(0, total - 1)) await page.keyboard.press(key);
    expect(await ticked(page)).toBe(total - 1);
    expect(await suggested(page)).toMatch(/^Hard/);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentCard(page)).not.toBe(first);
    await ratingSaved(page);
    expect(await storedLogs(page)).toEqual([
      expect.objectContaining({ cardId: first, rating: 2, keyPointsHit: total - 1, keyPointsTotal: total }),
    ]);

    await page.keyboard.press('u');
    await expect.poll(() => currentCard(page)).toBe(first);
    await expect.poll(async () => (await storedLogs(page)).length).toBe(0);
    await page.keyboard.press('Space');
    await page.locator('.key-points').waitFor();
    expect(await ticked(page)).toBe(total - 1);
    // A number key overrides the suggestion.
    await page.keyboard.press('4');
    await expect.poll(() => currentCard(page)).not.toBe(first);
    await ratingSaved(page);
    expect(await storedLogs(page)).toEqual([expect.objectContaining({ cardId: first, rating: 4 })]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ticks key points by touch on a phone and opens the model answer, which stays open for the next card', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/review');
    await page.locator('.card-question').waitFor();
    await page.getByRole('button', { name: /Show answer/ }).tap();
    await page.locator('.key-points li').first().tap();
    expect(await ticked(page)).toBe(1);
    await page.locator('details.model-answer > summary').tap();
    expect(await page.locator('details.model-answer').getAttribute('open')).not.toBeNull();
    expect(await page.locator('.key-hint').first().isVisible()).toBe(false);
    const first = await currentCard(page);
    await page.getByRole('button', { name: /Good/ }).tap();
    await expect.poll(() => currentCard(page)).not.toBe(first);
    await ratingSaved(page);
    expect(await storedLogs(page)).toEqual([
      expect.objectContaining({ cardId: first, rating: 3, keyPointsHit: 1 }),
    ]);
    await page.getByRole('button', { name: /Show answer/ }).tap();
    await page.locator('.key-points').waitFor();
    expect(await page.locator('details.model-answer').getAttribute('open')).not.toBeNull();
    await context.close();
  });
});
