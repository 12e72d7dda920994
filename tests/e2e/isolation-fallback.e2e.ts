import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../bench/server.mjs';
import { launch } from './browser';

let browser: Browser;
let host: { url: string; close: () => Promise<unknown> };
beforeAll(async () => {
  browser = await launch();
  // A static host that cannot send Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy.
  host = await serve(resolve(process.env.E2E_OUT_DIR ?? 'dist-e2e'), 0, { isolation: false });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('on a host without the cross-origin isolation headers', () => {
  it('the service worker isolates the app from the second load on, and the optimizer offers training', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      const first = await page.goto(host.url + '/optimizer');
      expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      // Not isolated yet: once the service worker is in, the screen says a reload will fix it.
      await page.getByText('reload the page and the optimizer will be available').waitFor();
      expect(await page.getByRole('button', { name: 'Optimize' }).count()).toBe(0);

      await page.reload();
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(await page.evaluate(() => typeof new SharedArrayBuffer(8).byteLength)).toBe('number');
      // The review count comes from the optimizer's module worker, which starts under COEP.
      await page.getByTestId('review-count').waitFor();
      await page.getByRole('button', { name: 'Optimize' }).waitFor();
      expect(await page.locator('.optimizer [role="alert"]').count()).toBe(0);
      // The Content-Security-Policy (index.html's meta tag) still applies to the page it serves.
      expect(
        await page.evaluate(
          () =>
            new Promise<string>((done) => {
              document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective));
              const script = document.createElement('script');
              script.textContent = 'document.title = "injected"';
              document.body.append(script);
            }),
        ),
      ).toMatch(/^script-src/);
      expect(await page.title()).not.toBe('injected');
      // Other screens load under COEP too.
      await page.goto(host.url + '/');
      await page.locator('.today-summary').waitFor();
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
