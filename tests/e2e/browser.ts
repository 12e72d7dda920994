import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';

export const baseUrl = () => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface App {
  context: BrowserContext;
  page: Page;
  /** Page errors and dialogs seen so far: a test fails when anything unexpected shows up here. */
  errors: string[];
  dialogs: string[];
}

/** A fresh profile (empty IndexedDB, no service worker) with the app open on `path`. */
export async function openApp(browser: Browser, path = '/', locale = 'en-US'): Promise<App> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(baseUrl() + path);
  return { context, page, errors, dialogs };
}

/** The card on screen, by id (its text changes as Markdown and math finish rendering). */
export const currentCard = (page: Page) => page.locator('article.card').first().getAttribute('data-card-id');

/** True when nothing on the page is wider than the (phone-sized) viewport. */
export const fitsViewport = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Reveals with Space and rates with a number key, then waits until another card (or the end) shows
 * and the rating is stored (the next card shows while it is written: `.review[aria-busy]`).
 */
export async function reviewByKeyboard(
  page: Page,
  key: '1' | '2' | '3' | '4',
  whileRevealed?: () => Promise<void>,
) {
  const before = await currentCard(page);
  await page.keyboard.press('Space');
  await page.locator('.card-answer').waitFor();
  await whileRevealed?.();
  await page.keyboard.press(key);
  await page.waitForFunction(
    (prev) =>
      document.querySelector('article.card')?.getAttribute('data-card-id') !== prev ||
      !!document.querySelector('.done'),
    before,
  );
  await ratingSaved(page);
}

/** Waits until no rating is being written. */
export const ratingSaved = (page: Page) => page.locator('.review[aria-busy="false"]').waitFor();

/**
 * Clicks a setting's checkbox and waits until it shows the new value. Settings are saved to
 * IndexedDB before the box changes, so Playwright's check()/uncheck() can look too early.
 */
export async function toggleSetting(box: Locator, checked: boolean): Promise<void> {
  if ((await box.isChecked()) === checked) return;
  await box.click();
  await box.evaluate(
    (el, want) =>
      new Promise<void>((resolve) => {
        const input = el as HTMLInputElement;
        const poll = () => (input.isConnected && input.checked === want ? resolve() : setTimeout(poll, 20));
        poll();
      }),
    checked,
  );
}

/** Every row of the given stores, read in one transaction straight from the app's IndexedDB. */
export const storedRows = <T extends { [K in keyof T]: unknown[] }>(
  page: Page,
  stores: (keyof T & string)[],
): Promise<T> =>
  page.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names);
          const requests = names.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            resolve(Object.fromEntries(names.map((name, i) => [name, requests[i]!.result as unknown[]])));
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  ) as Promise<T>;

/**
 * What an optimization on the optimizer screen ended with: its outcome ("Adopted…", "Kept…") or
 * the failure the screen shows. If neither comes within `timeout`, the error carries what the
 * screen said instead (the training's stage and progress), so a slow or stuck run can be told apart.
 */
export async function optimizationOutcome(page: Page, timeout = 60_000): Promise<string> {
  const ended = page
    .getByTestId('outcome')
    .or(page.getByRole('alert').filter({ hasText: /optimizer failed/ }))
    .first();
  try {
    await ended.waitFor({ timeout });
  } catch {
    const screen = await page.locator('.optimizer').innerText();
    throw new Error(`the optimization had not ended after ${timeout} ms; the screen said:\n${screen}`);
  }
  return ended.innerText();
}
