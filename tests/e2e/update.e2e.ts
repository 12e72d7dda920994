import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const swPath = join(process.env.E2E_OUT_DIR ?? 'dist-e2e', 'sw.js');

describe('a new version', () => {
  it('waits for the user instead of reloading mid-review, and applies on Reload', async () => {
    const original = readFileSync(swPath, 'utf8');
    const { page, context, errors } = await openApp(browser);
    try {
      await page.locator('.today-summary').waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.goto(baseUrl() + '/review');
      await page.locator('article.card').waitFor();
      await page.keyboard.press('Space');
      await page.locator('.card-answer').waitFor();
      await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));

      // Publish a "new version": any byte change to the service worker script.
      appendFileSync(swPath, `\n// new version ${Date.now()}\n`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });

      const banner = page.getByText('A new version of Interview Recall is ready.');
      await banner.waitFor();
      // Still the same document, answer still showing: nothing reloaded under the user.
      expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await page.locator('.card-answer').count()).toBe(1);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
      await page.locator('article.card').waitFor();
      expect(
        await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
      ).toBeUndefined();
      expect(await banner.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      writeFileSync(swPath, original);
      await context.close();
    }
  });
});
