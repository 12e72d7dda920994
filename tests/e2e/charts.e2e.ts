import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, fitsViewport, launch, openApp, reviewByKeyboard } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The right edge of the widest chart, and the window's width. */
const widestChart = (page: Page) =>
  page.evaluate(() => ({
    right: Math.max(
      ...[...document.querySelectorAll('figure.chart')].map((f) => f.getBoundingClientRect().right),
    ),
    width: window.innerWidth,
  }));

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

describe('statistics charts', () => {
  it('reads a bar’s value on keyboard focus, and no chart is wider than a phone', async () => {
    const { page, context, errors } = await openApp(browser, '/review/fundamentals');
    await page.locator('article.card').waitFor();
    for (const key of ['3', '3', '4'] as const) await reviewByKeyboard(page, key);

    for (const path of ['/stats', '/roles/fundamentals/stats']) {
      await page.goto(baseUrl() + path);
      const activity = page.locator('section[aria-labelledby="activity-h"]');
      await activity.locator('figure.chart svg').first().waitFor();
      await page.locator('section[aria-labelledby="schedule-h"] figure.chart svg').first().waitFor();
      expect(await fitsViewport(page), path).toBe(true);
      const { right, width } = await widestChart(page);
      expect(right, path).toBeLessThanOrEqual(width);
    }

    // The reviews-per-day chart is one tab stop; today's bar comes first and says its count.
    const chart = page.getByRole('group', { name: 'Reviews per day' });
    await chart.getByRole('img', { name: /: 3 reviews$/ }).focus();
    const today = await focusedName(page);
    expect(today).toMatch(/^\w{3} \d{1,2}: 3 reviews$/);
    expect(await chart.locator('[tabindex="0"]').count()).toBe(1);
    await expect.poll(() => page.locator('.chart-tip').innerText()).toBe(today);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).toMatch(/^\w{3} \d{1,2}: 0 reviews$/);
    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe(today);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says there are no reviews yet, in Chinese, instead of empty boxes', async () => {
    const { page, context, errors } = await openApp(browser, '/stats', 'zh-CN');
    const activity = page.locator('section[aria-labelledby="activity-h"]');
    await activity.getByText('还没有复习记录。').first().waitFor();
    expect(await activity.locator('figure.chart svg').count()).toBe(0);
    await page.getByText('还没有学过的卡片。').waitFor();
    expect(await fitsViewport(page)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
