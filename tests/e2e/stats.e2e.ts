import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, fitsViewport, launch, openApp, ratingSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Reveals and rates; the answer disappears once the review is stored (the same card may come back to relearn). */
async function rate(page: Page, key: '1' | '3' | '4') {
  await page.keyboard.press('Space');
  await page.locator('.card-answer').waitFor();
  await page.keyboard.press(key);
  await page.locator('.card-answer').waitFor({ state: 'detached' });
  await ratingSaved(page);
}

describe('statistics', () => {
  it('shows the counts, true retention and readiness that the reviews imply', async () => {
    const { page, context, errors } = await openApp(browser, '/roles/fundamentals');
    const form = page.getByRole('form', { name: 'Role settings' });
    await form.getByLabel('New cards per day').fill('2');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').waitFor();

    // Learn two new cards with Easy (both graduate), then review them ahead: one Good, one Again.
    await page.getByRole('link', { name: 'Practise this role' }).click();
    await page.locator('article.card').waitFor();
    await rate(page, '4');
    await rate(page, '4');
    await page.getByRole('button', { name: 'Review ahead' }).click();
    await page.locator('article.card').waitFor();
    await rate(page, '3');
    await rate(page, '1');

    await page.goto(baseUrl() + '/roles/fundamentals/stats');
    await page.getByTestId('readiness').waitFor();
    const studied = await page.getByText(/^Studied: /).innerText();
    const total = Number(/\/ (\d+)/.exec(studied)?.[1]);
    expect(studied).toBe(`Studied: 2 / ${total}`);
    expect(await page.getByTestId('count-review').innerText()).toBe('1');
    expect(await page.getByTestId('count-relearning').innerText()).toBe('1');
    expect(await page.getByTestId('count-new').innerText()).toBe(String(total - 2));
    expect(await page.getByTestId('retention-today').innerText()).toBe('50%');
    expect(await page.getByTestId('total-reviews').innerText()).toBe('4');
    // Both studied cards were reviewed seconds ago (recall ≈ 100%); unseen cards count as 0.
    const expected = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(
      2 / total,
    );
    expect(await page.getByTestId('readiness').innerText()).toBe(expected);
    expect(await fitsViewport(page)).toBe(true);

    // The Today screen shows the role's readiness at a glance.
    await page.goto(baseUrl() + '/');
    await page
      .getByRole('link', {
        name: `Ready ${new Intl.NumberFormat('en', { style: 'percent' }).format(2 / total)}`,
      })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
