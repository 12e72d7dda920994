import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../src/domain/optimizer/synthetic';
import { baseUrl, launch, openApp, optimizationOutcome } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// A learner who forgets faster than FSRS's defaults assume.
const TRUTH = [
  0.1, 0.5, 1.8, 6.0, 7.4, 0.6, 2.4, 0.05, 1.2, 0.15, 1.1, 1.6, 0.08, 0.4, 1.8, 0.3, 2.2, 0.5, 0.15, 0.1,
  0.35,
];

/** The role's stored states, read with plain IndexedDB inside the page (the app's modules are not reachable). */
function fundamentalsStates(page: Page): Promise<{ cardId: string; due: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('interview-recall');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const r = db.transaction('states').objectStore('states').index('deckId').getAll('fundamentals');
    const all = await new Promise<{ cardId: string; due: number }[]>((resolve) => {
      r.onsuccess = () => resolve(r.result as { cardId: string; due: number }[]);
    });
    db.close();
    return all;
  });
}

describe('scheduling controls', () => {
  it('Study more today raises today’s new cards only, and the retention guidance is simulated in a worker', async () => {
    const { page, errors } = await openApp(browser, '/roles/fundamentals');
    const panel = page.getByRole('region', { name: 'What each desired retention costs' });
    await panel.getByRole('table').waitFor({ timeout: 30_000 });
    const rows = panel.getByRole('row');
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(3).getByRole('rowheader').innerText()).toBe('90% (in use)');
    const reviews = await Promise.all(
      [1, 2, 3, 4].map(async (k) => Number(await rows.nth(k).getByRole('cell').first().innerText())),
    );
    expect(reviews[3]).toBeGreaterThan(reviews[0]!);
    expect(await panel.innerText()).toContain('What the simulation assumes');

    const form = page.getByRole('form', { name: 'Study more today' });
    await form.getByLabel('Extra new cards').fill('5');
    await form.getByRole('button', { name: 'Study more today: +5 new cards' }).click();
    await form.getByText('Today: up to 15 new cards (10 a day + 5 more today only).').waitFor();

    await page.getByRole('link', { name: 'Practise this role' }).click();
    await page.locator('article.card').waitFor();
    expect(await page.getByLabel('Cards remaining').innerText()).toMatch(/New\s*15/);
    expect(errors).toEqual([]);
  }, 90_000);

  it('reschedules the cards with adopted parameters, after a snapshot the Data screen offers to roll back', async () => {
    const { page, errors } = await openApp(browser, '/roles/fundamentals');
    await page.getByRole('form', { name: 'Study more today' }).waitFor();
    const ids = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const r = db.transaction('cards').objectStore('cards').index('deckId').getAll('fundamentals');
      const cards = await new Promise<{ id: string; position: number; retired?: boolean }[]>((resolve) => {
        r.onsuccess = () => resolve(r.result as { id: string; position: number }[]);
      });
      db.close();
      return cards
        .filter((c) => !c.retired)
        .sort((a, b) => a.position - b.position)
        .map((c) => c.id);
    });
    // Eight months of reviews (seeded) of 250 cards by a learner whose memory follows TRUTH, scheduled
    // by the defaults; the first of them are the role's real cards, with their states.
    const days = 240;
    const { states, logs } = syntheticHistory({
      seed: 11,
      cards: 250,
      days,
      truth: TRUTH,
      start: Date.now() - (days + 1) * 86_400_000,
      deckId: 'fundamentals',
    });
    const real = (id: string) => ids[Number(id.slice('fundamentals.c'.length))] ?? id;
    const rows = {
      states: states
        .filter((s) => real(s.cardId) !== s.cardId)
        .map((s) => ({ ...s, cardId: real(s.cardId), queue: s.state })),
      logs: logs.map((l) => ({ ...l, cardId: real(l.cardId) })),
    };
    await page.evaluate(async (data) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['states', 'logs'], 'readwrite');
      for (const s of data.states) tx.objectStore('states').put(s);
      for (const l of data.logs) tx.objectStore('logs').put(l);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, rows);
    const dueOf = async () =>
      Object.fromEntries((await fundamentalsStates(page)).map((s) => [s.cardId, s.due]));
    const before = await dueOf();

    await page.goto(baseUrl() + '/roles/fundamentals/optimizer');
    await page.getByTestId('review-count').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Optimize', exact: true }).click();
    expect(await optimizationOutcome(page)).toMatch(/^Adopted/);
    await page.getByRole('button', { name: 'Reschedule cards' }).click();
    await page.getByTestId('rescheduled').waitFor({ timeout: 60_000 });
    const moved = Number((await page.getByTestId('rescheduled').innerText()).split(' ')[0]);
    expect(moved).toBeGreaterThan(ids.length / 3);
    const after = await dueOf();
    expect(Object.keys(after).filter((id) => after[id] !== before[id]).length).toBeGreaterThan(
      ids.length / 3,
    );

    await page.goto(baseUrl() + '/data');
    await page.getByText(/before rescheduling cards with new FSRS parameters/).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);
});
