import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCard, launch, openApp, ratingSaved, storedRows } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface StoredState {
  cardId: string;
  hidden: string | null;
  flag?: number;
  leech?: boolean;
  lapses: number;
}

/** The card states as IndexedDB holds them. */
const storedStates = async (page: Page) =>
  (await storedRows<{ states: StoredState[] }>(page, ['states'])).states;
const stateOf = async (page: Page, cardId: string) =>
  (await storedStates(page)).find((s) => s.cardId === cardId);

/** The index is built in a worker when the browser first opens: seconds on a loaded machine. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

const MHA = 'fundamentals.mha-mqa-gqa';
const MASKS = 'fundamentals.causal-and-padding-masks';
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search cards' });
const resultLinks = (page: Page) => page.locator('.vlist a.browse-q');
const resultIds = (page: Page) =>
  page.locator('.vlist .browse-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-card-id')));

/** Opens the browser with `query` in its URL and waits for its first results. */
async function browse(page: Page, base: string, query = '') {
  await page.goto(`${base}/browse${query}`);
  await page.locator('.browse-count, .browser [role="alert"]').first().waitFor({ timeout: 40_000 });
  const alert = page.locator('.browser [role="alert"]');
  if (await alert.count()) throw new Error(`the browser says: ${await alert.innerText()}`);
}

describe('card browser', () => {
  it('finds a card by an English and by a Chinese word, and opens it', async () => {
    const { page, context, errors } = await openApp(browser, '/');
    await page.locator('.top nav').waitFor();
    await page.keyboard.press('/');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('browse-search');
    await search(page).fill('grouped-query');
    await poll(() => resultIds(page)).toContain(MHA);
    expect(page.url()).toContain('q=grouped-query');
    await search(page).fill('分别是什么');
    await poll(() => resultIds(page)).toContain(MASKS);
    await page.locator(`.browse-row[data-card-id="${MASKS}"] a`).click();
    await page.waitForURL(`**/cards/${MASKS}`);
    await poll(() => page.locator('.card-page h1').innerText()).toMatch(/Card/);
    await page.goBack();
    await poll(() => search(page).inputValue()).toBe('分别是什么');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds a note on the card page and sees it under the answer in review', async () => {
    const { page, context, errors } = await openApp(browser, `/cards/${MHA}`);
    page.setDefaultTimeout(20_000);
    const base = new URL(page.url()).origin;
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page
      .getByRole('textbox', { name: /Your note on this card/ })
      .fill('At **Zorblax** we served GQA: 我们的项目');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('region', { name: 'Your note' }).waitFor();
    await page.getByRole('link', { name: 'Practise now' }).click();
    await page.waitForURL(`${base}/review/fundamentals?cards=${MHA}`);
    // The card page shows the card too: wait for the review's own card, or Space goes to the old page.
    await page.locator('.review .card-question').waitFor();
    await page.keyboard.press('Space');
    const note = page.getByRole('region', { name: 'Your note' });
    await poll(() => note.innerText()).toContain('我们的项目');
    expect(await note.locator('strong').innerText()).toBe('Zorblax');
    await browse(page, base, '?q=zorblax');
    await poll(() => resultIds(page)).toEqual([MHA]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('suspends, buries and flags from review; the card leaves the queue and the browser marks it', async () => {
    const { page, context, errors } = await openApp(browser, '/review');
    page.setDefaultTimeout(20_000);
    const base = new URL(page.url()).origin;
    await page.locator('.card-question').waitFor();
    const suspended = await currentCard(page);
    await page.keyboard.press('@');
    await poll(() => currentCard(page)).not.toBe(suspended);
    const buried = await currentCard(page);
    await page.keyboard.press('-');
    await poll(() => currentCard(page)).not.toBe(buried);
    const flagged = await currentCard(page);
    await page.keyboard.press('Control+1');
    await page.getByRole('img', { name: 'Flag: Red' }).first().waitFor();
    await ratingSaved(page);
    expect(await stateOf(page, suspended!)).toMatchObject({ hidden: 'suspended' });
    expect(await stateOf(page, buried!)).toMatchObject({ hidden: 'buried' });
    expect(await stateOf(page, flagged!)).toMatchObject({ hidden: null, flag: 1 });

    // Gone from today's queue after a reload.
    await page.reload();
    await page.locator('.card-question').waitFor();
    expect(await currentCard(page)).toBe(flagged);

    await browse(page, base, '?suspended=1');
    await poll(() => resultIds(page)).toEqual([suspended]);
    expect(await page.locator('.browse-row').first().innerText()).toContain('Suspended');
    await browse(page, base, '?buried=1');
    await poll(() => resultIds(page)).toEqual([buried]);
    await browse(page, base, '?flag=1');
    await poll(() => resultIds(page)).toEqual([flagged]);
    expect(await page.locator('.browse-row .flag-red').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a card a leech when it lapses for the eighth time, and the browser filters it', async () => {
    const { page, context, errors } = await openApp(browser, '/review');
    const base = new URL(page.url()).origin;
    await page.locator('.card-question').waitFor();
    // A review card due now that has lapsed seven times.
    await page.evaluate(
      (cardId) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('interview-recall');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('states', 'readwrite').objectStore('states');
            const get = store.get(cardId);
            get.onsuccess = () => {
              const now = Date.now();
              const lapsed = {
                ...get.result,
                state: 2,
                queue: 2,
                due: now - 3_600_000,
                stability: 2,
                difficulty: 8,
                reps: 20,
                lapses: 7,
                lastReview: now - 3 * 86_400_000,
              };
              const put = store.put(lapsed);
              put.onsuccess = () => (open.result.close(), resolve());
              put.onerror = () => reject(put.error);
            };
          };
        }),
      MHA,
    );
    await page.goto(`${base}/review/fundamentals?cards=${MHA}`);
    await page.locator('.card-question').waitFor();
    await page.keyboard.press('Space');
    await page.locator('.card-answer').waitFor();
    await page.keyboard.press('1');
    await ratingSaved(page);
    await poll(() => stateOf(page, MHA)).toMatchObject({ lapses: 8, leech: true, hidden: null });
    await browse(page, base, '?leech=1');
    await poll(() => resultIds(page)).toEqual([MHA]);
    expect(await page.locator('.browse-row').first().innerText()).toContain('Leech');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('batch-suspends a role and undoes it', async () => {
    const { page, context, errors } = await openApp(browser, '/');
    const base = new URL(page.url()).origin;
    await page.locator('.top nav').waitFor();
    await browse(page, base, '?role=fundamentals');
    const count = Number((await page.locator('.browse-count').innerText()).match(/\d+/)![0]);
    expect(count).toBeGreaterThan(40);
    await page.getByRole('button', { name: `Select all ${count}` }).click();
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByText(`${count} cards changed.`).waitFor();
    const fundamentals = async () =>
      (await storedStates(page)).filter((s) => s.cardId.startsWith('fundamentals.'));
    await poll(async () => (await fundamentals()).filter((s) => s.hidden === 'suspended').length).toBe(count);
    await expect
      .poll(() =>
        resultLinks(page)
          .first()
          .evaluate((a) => getComputedStyle(a).fontStyle),
      )
      .toBe('italic');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Undone.').waitFor();
    expect((await fundamentals()).filter((s) => s.hidden === 'suspended')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
