import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const logCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('logs').objectStore('logs').count();
          request.onsuccess = () => (resolve(request.result), open.result.close());
        };
      }),
  );

/** Answers the question on screen by keyboard: done, tick the first `ticks` key points, next. */
async function answer(page: Page, n: number, total: number, ticks: number) {
  await page.getByText(`Question ${n} of ${total}`).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Which key points did you say?').waitFor();
  for (const key of ['q', 'w', 'e'].slice(0, ticks)) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}

async function setUp(page: Page, questions: number, asReviews: boolean) {
  await page.getByRole('button', { name: 'Start the interview' }).waitFor();
  await page.getByRole('spinbutton', { name: /Questions/ }).fill(String(questions));
  const reviews = page.getByRole('checkbox', { name: /Count mock answers as reviews/ });
  if ((await reviews.isChecked()) !== asReviews) await reviews.click();
  await page.getByRole('button', { name: 'Start the interview' }).click();
}

describe('mock interview', () => {
  it('runs three questions by keyboard across a reload, reports, and shows the trend in statistics', async () => {
    const { page, context, errors } = await openApp(browser, '/');
    await page.getByRole('link', { name: 'Mock interview' }).click();
    await setUp(page, 3, false);
    await answer(page, 1, 3, 2);
    await page.getByText('Question 2 of 3').waitFor();

    await page.reload();
    await page.getByText('You left an interview with 1 of 3 questions answered.').waitFor();
    await page.getByRole('button', { name: 'Resume it' }).click();
    await answer(page, 2, 3, 3);
    await answer(page, 3, 3, 0);
    await page.getByRole('heading', { name: 'Report' }).waitFor();
    expect(await page.locator('.mock-overall').innerText()).toMatch(/% of the key points, in \d+:\d\d/);
    expect(await page.locator('.mock-report tbody tr').count()).toBe(3);
    await page
      .getByRole('link', { name: /Practise these/ })
      .first()
      .waitFor();
    expect(await logCount(page)).toBe(0);

    await page.goto(baseUrl() + '/roles/fundamentals/stats');
    await page.getByRole('heading', { name: 'Mock interviews' }).waitFor();
    expect(await page.getByTestId('mock-latest').innerText()).toMatch(/\d+%/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with "Count mock answers as reviews" on, each graded answer is a review', async () => {
    const { page, context } = await openApp(browser, '/mock');
    await setUp(page, 2, true);
    await answer(page, 1, 2, 3);
    await answer(page, 2, 2, 1);
    await page.getByText('Your answers were recorded as reviews.').waitFor();
    expect(await logCount(page)).toBe(2);
    await page.goto(baseUrl() + '/');
    expect(await page.locator('.today-summary').innerText()).not.toBe('10 new · 0 learning · 0 to review');
    await context.close();
  });
});
