import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const localDate = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('a first visit', () => {
  it('asks for the roles and interview dates, starts the first review, and is not asked again', async () => {
    const { page, context, errors } = await openApp(browser, '/');
    const welcome = page.getByRole('region', { name: 'Welcome to Interview Recall' });
    await welcome.waitFor();
    await welcome.getByRole('checkbox', { name: 'Retrieval-Augmented Generation (RAG)' }).check();
    const date = localDate(Date.now() + 30 * 86_400_000);
    await welcome.getByLabel('Interview date for Retrieval-Augmented Generation (RAG) (optional)').fill(date);
    await welcome.getByRole('button', { name: 'Start my first review' }).click();
    await page.waitForURL(/\/review$/);
    await page.locator('.card-question').waitFor();

    await page.goto(baseUrl() + '/');
    await page.locator('.today-summary').waitFor();
    expect(await page.getByRole('region', { name: 'Welcome to Interview Recall' }).count()).toBe(0);
    const rag = page.locator('.role-row', { hasText: 'Retrieval-Augmented Generation (RAG)' });
    await expect
      .poll(() => rag.locator('.interview-on').innerText())
      .toMatch(/^Interview .+, in (29|30|31) days$/);

    await page.goto(baseUrl() + '/roles');
    const card = page.locator('.role-card', { hasText: 'Retrieval-Augmented Generation (RAG)' });
    await card.locator('.interview-on').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
  it('shows the welcome whole and above Today from its first paint, so nothing on screen moves', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      const seen = { todayAlone: false, rolesAtFirst: -1, shift: 0 };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!e.hadRecentInput) seen.shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver(() => {
        const welcome = document.querySelector('section.welcome');
        if (document.querySelector('.today') && !welcome) seen.todayAlone = true;
        if (welcome && seen.rolesAtFirst < 0)
          seen.rolesAtFirst = welcome.querySelectorAll('input[type=checkbox]').length;
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    const welcome = page.getByRole('region', { name: 'Welcome to Interview Recall' });
    await welcome.getByRole('checkbox', { name: 'Behavioral & portfolio interviews' }).waitFor();
    await page.locator('.today-summary').waitFor();
    // Every deck stored (the list was complete before), then what the page shows after that.
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('interview-recall');
          open.onsuccess = () => {
            const count = open.result.transaction('decks').objectStore('decks').count();
            count.onsuccess = () => resolve(count.result >= 12);
          };
          open.onerror = () => resolve(false);
        }),
      null,
      { polling: 200 },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    expect(seen.todayAlone).toBe(false);
    expect(seen.rolesAtFirst).toBe(await welcome.getByRole('checkbox').count());
    expect(seen.shift).toBeLessThan(0.05);
    await context.close();
  });
  it('paints the welcome before the decks start downloading, which would share its bandwidth', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('section.welcome')) return;
        (window as unknown as { __welcomeAt: number }).__welcomeAt = Date.now();
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    const deckRequests: number[] = [];
    // The deck worker, and the bundled decks' chunks (one a role) it requests.
    const isDeck = (url: string) =>
      /\/assets\/(deckSync\.worker|fundamentals|rag|agent|inference)-[\w-]+\.js$/.test(url);
    context.on('request', (request) => {
      if (isDeck(request.url())) deckRequests.push(Date.now());
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('region', { name: 'Welcome to Interview Recall' }).waitFor();
    await expect.poll(() => deckRequests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const welcomeAt = await page.evaluate(() => (window as unknown as { __welcomeAt: number }).__welcomeAt);
    expect(Math.min(...deckRequests)).toBeGreaterThanOrEqual(welcomeAt);
    await context.close();
  });
});

describe('a return to Today', () => {
  it('shows the refused-storage notice with the screen, not above it a moment later', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
      const seen = { noticeWithScreen: null as boolean | null };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        // The first layout of the app's screen (menu and main), after the loading line.
        if (seen.noticeWithScreen === null && document.querySelector('header.top nav'))
          seen.noticeWithScreen = document.querySelector('.storage-notice') !== null;
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('button', { name: 'Skip for now' }).click();
    // This headless browser refuses persistent storage; the first start learns that.
    await page.locator('.storage-notice').waitFor();
    await page.reload();
    await page.locator('.today-summary').waitFor();
    await page.locator('.storage-notice').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, unknown> }).__seen);
    expect(seen.noticeWithScreen).toBe(true);
    await context.close();
  });
});

describe('keyboard shortcuts and printing', () => {
  it('opens the shortcuts with ?, where keys do not rate the card beneath', async () => {
    const { page, context } = await openApp(browser, '/review');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.card-question').waitFor();
    const card = await currentCard(page);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('Undo the last rating');
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    expect(await page.locator('.card-answer').count()).toBe(0);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(await currentCard(page)).toBe(card);
    await context.close();
  });

  it('hides keyboard hints on a touch screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/review');
    await page.locator('.card-question').waitFor();
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
    const shown = await page
      .locator('kbd')
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(shown).toBe(0);
    await context.close();
  });

  it('prints a card without the menu, banners or rating bar', async () => {
    const { page, context } = await openApp(browser, '/review');
    await page.locator('.card-question').waitFor();
    await page.locator('.answer-bar button').first().click();
    await page.locator('.card-answer').waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.top', '.answer-bar', '.banner', '.review-tools'])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.locator('article.card').isVisible()).toBe(true);
    await context.close();
  });
});
