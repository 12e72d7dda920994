import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, fitsViewport, launch, openApp, reviewByKeyboard } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const summary = (page: Page) => page.locator('.today-summary').innerText();

describe('reviewing', () => {
  it('reviews five cards by keyboard on the first visit and keeps the progress after a reload', async () => {
    const { page, context, errors } = await openApp(browser);
    expect(await summary(page)).toBe('10 new · 0 learning · 0 to review');
    await page.getByRole('link', { name: 'Start daily review' }).click();
    await page.locator('.card-question').waitFor();
    await reviewByKeyboard(page, '3', async () => expect(await fitsViewport(page)).toBe(true));
    for (let i = 1; i < 5; i++) await reviewByKeyboard(page, '3');
    await expect
      .poll(() => page.locator('.review-bar .counts').innerText())
      .toMatch(/New 5\s+Learning 5\s+Review 0/);

    await page.goto(baseUrl() + '/');
    expect(await summary(page)).toBe('5 new · 5 learning · 0 to review');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('undoes the last reviews, showing the same card again and restoring the counts', async () => {
    const { page, context } = await openApp(browser, '/review');
    await page.locator('.card-question').waitFor();
    const first = await currentCard(page);
    await reviewByKeyboard(page, '3');
    const second = await currentCard(page);
    await reviewByKeyboard(page, '1');
    expect(await currentCard(page)).not.toBe(second);

    await page.keyboard.press('u');
    await expect.poll(() => currentCard(page)).toBe(second);
    await page.keyboard.press('Control+z');
    await expect.poll(() => currentCard(page)).toBe(first);
    expect(await page.locator('.card-answer').count()).toBe(0);

    await page.goto(baseUrl() + '/');
    expect(await summary(page)).toBe('10 new · 0 learning · 0 to review');
    await context.close();
  });

  it('practises one role from a deep link, and the role shows what was studied', async () => {
    const { page, context } = await openApp(browser, '/roles/pretraining');
    await page.getByRole('link', { name: 'Practise this role' }).click();
    await page.getByRole('heading', { name: /^Practise: / }).waitFor();
    await reviewByKeyboard(page, '1');
    await reviewByKeyboard(page, '4');

    await page.goto(baseUrl() + '/roles/pretraining');
    await page.getByText('Learning (1)').waitFor();
    await page.getByText('Review (1)').waitFor();
    // Pretraining is not in the daily review, so today's summary is untouched.
    await page.goto(baseUrl() + '/');
    expect(await summary(page)).toBe('10 new · 0 learning · 0 to review');
    await context.close();
  });
});
