import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, launch, ratingSaved, reviewByKeyboard } from './browser';
import {
  device as newDevice,
  setUpSync as setUp,
  stored,
  syncNow,
  type Log,
  type State,
} from './syncDevices';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const device = () => newDevice(browser);
const setUpSync = (page: Page, database: string, password?: string) =>
  setUp(page, inject('couch'), database, password);

/** Rates the cards on the open review screen. */
async function review(page: Page, keys: ('1' | '2' | '3' | '4')[]) {
  for (const key of keys) await reviewByKeyboard(page, key);
  await ratingSaved(page);
}

describe('sync across devices (CouchDB protocol, local test server)', () => {
  it('gives two devices that reviewed offline, the same card included, every review of both and the same card states', async () => {
    const database = `e2e-${Date.now()}`;
    const [phone, laptop] = [await device(), await device()];
    for (const page of [phone, laptop]) {
      await setUpSync(page, database);
      await page.locator('section.sync').getByText('Syncing with').waitFor();
      await page.locator('section.sync [data-sync-state="idle"]').waitFor();
    }

    // Both offline: each reviews the same first cards, differently; reviewing never waits.
    for (const page of [phone, laptop]) {
      await page.context().setOffline(true);
      await page.goto(baseUrl() + '/review');
      await page.locator('.card-question').waitFor();
    }
    await review(phone, ['3', '3']);
    await review(laptop, ['1', '4', '3']);
    const before = { phone: await stored(phone), laptop: await stored(laptop) };
    expect(before.phone.logs).toHaveLength(2);
    expect(before.laptop.logs).toHaveLength(3);
    const shared = before.phone.logs
      .map((l) => l.cardId)
      .filter((id) => before.laptop.logs.some((l) => l.cardId === id));
    expect(shared.length).toBeGreaterThan(0);

    // Both reconnect and sync (the second device's pull brings the first's; the first then pulls the second's).
    for (const page of [phone, laptop]) await page.context().setOffline(false);
    for (const page of [phone, laptop, phone]) {
      await page.goto(baseUrl() + '/settings');
      await syncNow(page);
    }

    const after = { phone: await stored(phone), laptop: await stored(laptop) };
    const ids = (logs: Log[]) => logs.map((l) => l.id).sort();
    const everyReview = ids([...before.phone.logs, ...before.laptop.logs]);
    expect(ids(after.phone.logs)).toEqual(everyReview);
    expect(ids(after.laptop.logs)).toEqual(everyReview);
    const byCard = (states: State[]) => new Map(states.map((s) => [s.cardId, s]));
    const phoneStates = byCard(after.phone.states);
    const laptopStates = byCard(after.laptop.states);
    for (const cardId of new Set(after.phone.logs.map((l) => l.cardId))) {
      const logs = after.phone.logs.filter((l) => l.cardId === cardId).sort((a, b) => a.review - b.review);
      const state = phoneStates.get(cardId)!;
      // The state of a replay of every review, in time order: one repetition each, the last the latest.
      expect(state).toMatchObject({ reps: logs.length, lastReview: logs.at(-1)!.review });
      expect(laptopStates.get(cardId)).toEqual(state);
    }
    const sharedCard = phoneStates.get(shared[0]!)!;
    expect(sharedCard.reps).toBeGreaterThanOrEqual(2);
    await phone.context().close();
    await laptop.context().close();
  }, 180_000);

  it('says so, in words, when the server refuses the password, and turns nothing on', async () => {
    const page = await device();
    await setUpSync(page, `e2e-wrong-${Date.now()}`, 'not-the-password');
    await page
      .locator('section.sync')
      .getByRole('alert')
      .getByText('The server refused the user name or password')
      .waitFor();
    expect(await page.locator('section.sync').getByRole('button', { name: 'Turn sync on' }).count()).toBe(1);
    await page.context().close();
  });
});
