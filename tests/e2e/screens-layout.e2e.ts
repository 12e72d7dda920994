import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsViewport, launch, openApp, toggleSetting } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

/** The wide card (code, a table, display math, a long URL) revealed with both languages on. */
async function wideCardInBothLanguages(locale: string, size: typeof desktop) {
  const app = await openApp(browser, '/review/e2e-layout', locale);
  await app.page.setViewportSize(size);
  await app.page.locator('.card-question').waitFor();
  await toggleSetting(app.page.locator('.review-tools').getByRole('checkbox'), true);
  await app.page.locator('.answer-bar button.show').click();
  await app.page.locator('.card-answer .bilingual .katex-display').nth(1).waitFor();
  await app.page.locator('.card-answer .bilingual pre').nth(1).waitFor();
  return app;
}

const columns = (page: Page) =>
  page.locator('.card-answer .bilingual:has(table) > *').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );

describe('wide content in one or two languages', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`keeps the page as wide as a 1280 px window, the two languages side by side (${locale})`, async () => {
      const { page, context, errors } = await wideCardInBothLanguages(locale, desktop);
      expect(await fitsViewport(page)).toBe(true);
      const [first, second] = await columns(page);
      expect(second!.left).toBeGreaterThanOrEqual(first!.right);
      expect(second!.right).toBeLessThanOrEqual(desktop.width);
      // The code scrolls inside its own box instead.
      const pre = page.locator('.card-answer pre').first();
      expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`keeps the page as wide as a 390 px phone, the two languages stacked (${locale})`, async () => {
      const { page, context, errors } = await wideCardInBothLanguages(locale, phone);
      expect(await fitsViewport(page)).toBe(true);
      const [first, second] = await columns(page);
      expect(second!.top).toBeGreaterThanOrEqual(first!.bottom);
      const card = await page.locator('article.card').boundingBox();
      for (const selector of ['pre', 'table', '.katex-display']) {
        const box = await page.locator(`.card-answer ${selector}`).first().boundingBox();
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(card!.x + card!.width);
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    // A paragraph with formulas is clipped (markdown.css, for paint's sake) far outside its box.
    it(`scrolls a formula wider than a phone inside the card and shows all of it (${locale})`, async () => {
      const { page, context, errors } = await wideCardInBothLanguages(locale, phone);
      const md = page.locator('.card-answer .md', { has: page.locator('p > .md-katex') }).first();
      expect(await md.evaluate((el) => el.scrollWidth > el.clientWidth + 200)).toBe(true);
      // Scrolled into view, the card's content sideways to its end.
      const last = md.locator('p > .md-katex .mathnormal').last();
      await last.scrollIntoViewIfNeeded();
      expect(await md.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
      const box = (await last.boundingBox())!;
      expect(box.x).toBeGreaterThan(0);
      expect(box.x + box.width).toBeLessThan(phone.width);
      // What a clip hides is not hit either: the formula's last letter is there to be hit.
      const hit = await page.evaluate(
        ([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('.md-katex')),
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(hit).toBe(true);
      expect(await fitsViewport(page)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('a phone screen', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`keeps the menu on one row and shows the question in the first half of the screen (${locale})`, async () => {
      const { page, context } = await openApp(browser, '/review/e2e-layout', locale);
      await page.locator('.card-question').waitFor();
      const tops = await page
        .locator('header.top a, header.top button')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8);
      const language = page.locator('header.top button.lang');
      const lineHeight = await language.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(await language.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(
        2 * lineHeight + 8 * 2,
      );
      const question = await page.locator('.card-question').boundingBox();
      expect(question!.y).toBeLessThan(phone.height / 2);
      expect(await fitsViewport(page)).toBe(true);
      await context.close();
    });

    it(`shows every destination of the menu in full on a phone, each one tap away (${locale})`, async () => {
      const { page, context, errors } = await openApp(browser, '/', locale);
      const menu = page.getByRole('navigation', { name: locale === 'zh-CN' ? '主菜单' : 'Main menu' });
      const links = menu.getByRole('link');
      await links.first().waitFor();
      const names = await links.allTextContents();
      expect(names).toEqual(
        locale === 'zh-CN'
          ? ['今天', '岗位', '浏览', '统计', '设置', '数据']
          : ['Today', 'Roles', 'Browse', 'Stats', 'Settings', 'Data'],
      );
      // In view without scrolling anything, and no label cut short.
      const boxes = await links.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const menu = el.closest('nav')!.getBoundingClientRect();
          return {
            left: r.left - menu.left,
            right: menu.right - r.right,
            clipped: el.scrollWidth > el.clientWidth,
          };
        }),
      );
      for (const [i, box] of boxes.entries()) {
        expect(box.left, names[i]).toBeGreaterThanOrEqual(0);
        expect(box.right, names[i]).toBeGreaterThanOrEqual(0);
        expect(box.clipped, names[i]).toBe(false);
      }
      expect(await menu.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      for (const name of names) {
        await menu.getByRole('link', { name, exact: true }).click();
        await expect.poll(() => menu.locator('[aria-current="page"]').textContent()).toBe(name);
      }
      expect(await fitsViewport(page)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`fits the statistics' readiness by role on a phone (${locale})`, async () => {
      const { page, context } = await openApp(browser, '/stats', locale);
      await page.locator('#roles-h').waitFor();
      expect(await fitsViewport(page)).toBe(true);
      await context.close();
    });
  }
});
