import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, launch, openApp, ratingSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('languages', () => {
  it('starts in the browser language and remembers a switch across reloads', async () => {
    const zh = await openApp(browser, '/', 'zh-CN');
    await zh.page.getByRole('link', { name: '今天', exact: true }).waitFor();
    await zh.context.close();

    const { page, context } = await openApp(browser);
    await page.getByRole('link', { name: 'Today', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Switch language to Chinese' }).click();
    await page.getByRole('link', { name: '今天', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: '岗位', exact: true }).waitFor();
    await page.getByRole('link', { name: '开始今日复习' }).waitFor();
    await context.close();
  });
});

describe('offline', () => {
  it('loads, reviews and saves with the network off after the first visit', async () => {
    const { page, context, errors } = await openApp(browser);
    await page.locator('.today-summary').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);

    await page.goto(baseUrl() + '/review');
    await page.locator('.card-question').waitFor();
    const first = await currentCard(page);
    await page.keyboard.press('Space');
    await page.locator('.card-answer').waitFor();
    await page.keyboard.press('4');
    await expect.poll(() => currentCard(page)).not.toBe(first);
    await ratingSaved(page);
    await page.goto(baseUrl() + '/roles/fundamentals');
    await page.getByText('Review (1)').waitFor();
    await page.reload();
    await page.getByText('Review (1)').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('untrusted deck content', () => {
  it('renders raw HTML as text and drops unsafe links, executing nothing', async () => {
    const { page, context, dialogs, errors } = await openApp(browser, '/review/e2e-xss');
    await page.locator('.card-question').waitFor();
    expect(await currentCard(page)).toBe('e2e-xss.payloads');
    expect(await page.locator('.card-question').innerText()).toContain('safe to render');
    await page.keyboard.press('Space');
    const answer = page.locator('.card-answer');
    await answer.getByText('onerror', { exact: false }).first().waitFor();
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await answer.locator('img, script').count()).toBe(0);
    const hrefs = await answer.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.com/docs']);
    await answer.getByText('a javascript link').click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the file, card and field of an invalid deck and still loads the others', async () => {
    const { page, context } = await openApp(browser);
    const banner = page.locator('.deck-problems');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(
      'decks/e2e-broken.json · e2e-broken.bad · cards.0.answer.zh: must not be empty',
    );
    await page.locator('.today-summary').waitFor();
    await context.close();
  });
});
