import { readFileSync } from 'node:fs';
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

/** Every route the app declares, with a role where it takes one: a new screen is covered too. */
const routes = [...readFileSync('src/app/routes.tsx', 'utf8').matchAll(/<Route path="([^"]+)"/g)].map(
  ([, path]) =>
    '/' +
    path!
      .replace(':roleId', 'fundamentals')
      .replace(':cardId', 'fundamentals.attention-sqrt-dk-scaling')
      .replace('*', 'no-such-page'),
);
const screens = [...new Set(['/', ...routes])];

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe('Content-Security-Policy', () => {
  it('is sent with every page and violated by no screen: service worker, workers, KaTeX fonts and styles work under it', async () => {
    expect(screens).toEqual(expect.arrayContaining(['/', '/review', '/stats', '/settings', '/data']));
    const { page, context, errors } = await openApp(browser, '/');
    const response = await page.goto(baseUrl() + '/');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(headers['content-security-policy']).toMatch(
      /object-src 'none'.*base-uri 'none'.*frame-ancestors 'none'/,
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
      /default-src 'self'/,
    );

    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations!.push(
          `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(`${page.url()}: ${m.text()}`);
    });
    const violations: string[] = [];
    const collect = async () =>
      violations.push(
        ...(await page.evaluate(() => window.cspViolations ?? [])).map((v) => `${page.url()}: ${v}`),
      );

    await page.goto(baseUrl() + '/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    for (const path of screens) {
      await page.goto(baseUrl() + path);
      await page.locator('main h1, main h2').first().waitFor();
      if (path.startsWith('/stats') || path.endsWith('/stats'))
        await page.locator('.panel, table').first().waitFor();
      await page.waitForTimeout(300);
      await collect();
    }
    // A card with math and code: the renderer chunks, KaTeX and its fonts load and render.
    await page.goto(baseUrl() + '/review/e2e-layout');
    await page.locator('.card-question').waitFor();
    await page.keyboard.press('Space');
    await page.locator('.card-answer .katex').first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await collect();

    expect({ violations, refused, errors }).toEqual({ violations: [], refused: [], errors: [] });
    await context.close();
  });
});
