import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, currentCard, launch, ratingSaved, reviewByKeyboard, storedRows } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Stored {
  logs: { cardId: string }[];
  states: { cardId: string; reps: number }[];
}

const stored = (page: Page) => storedRows<Stored>(page, ['logs', 'states']);

describe('two tabs', () => {
  it('never rate a card twice from the same state: every card has exactly as many logs as repetitions', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const a = await context.newPage();
    await a.goto(baseUrl() + '/review');
    await a.locator('.card-question').waitFor();
    const b = await context.newPage();
    await b.goto(baseUrl() + '/review');
    await b.locator('.card-question').waitFor();
    const first = await currentCard(a);
    expect(await currentCard(b)).toBe(first);

    // B has the card open, answer revealed, when A rates it: B is told and moves on.
    await b.keyboard.press('Space');
    await b.locator('.card-answer').waitFor();
    await reviewByKeyboard(a, '3');
    await expect.poll(() => currentCard(b)).not.toBe(first);
    await b.getByText('A card was reviewed in another tab').waitFor();

    // Ten new cards a day: nine more ratings, alternating tabs, each on a card the other tab also has.
    for (let i = 0; i < 8; i++) await reviewByKeyboard(i % 2 ? a : b, i % 3 ? '3' : '1');
    await ratingSaved(a);
    await ratingSaved(b);
    const { logs, states } = await stored(a);
    const logsPerCard = new Map<string, number>();
    for (const l of logs) logsPerCard.set(l.cardId, (logsPerCard.get(l.cardId) ?? 0) + 1);
    const mismatched = states
      .filter((s) => (logsPerCard.get(s.cardId) ?? 0) !== s.reps)
      .map((s) => `${s.cardId}: ${s.reps} reps, ${logsPerCard.get(s.cardId) ?? 0} logs`);
    expect(logs.length).toBe(9);
    expect(mismatched).toEqual([]);
    await context.close();
  });
});
