import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, launch } from './browser';
import { device as newDevice, idsOf, review, setUpSync, stored, syncNow } from './syncDevices';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The card page's _Reset progress_, confirmed; done once its Undo is offered. */
async function resetOnCardPage(page: Page, cardId: string) {
  await page.goto(`${baseUrl()}/cards/${cardId}`);
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page
    .getByRole('alertdialog', { name: 'Reset progress' })
    .getByRole('button', { name: 'Reset progress' })
    .click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
}

/** Settings, where Sync now is. */
const toSettings = (p: Page) => p.goto(baseUrl() + '/settings');

describe('a progress reset across devices', () => {
  it('makes the card new on the other device too, its history kept, and survives that device’s later reviews', async () => {
    const couch = inject('couch');
    const database = `e2e-reset-${Date.now()}`;
    const [phone, laptop] = [await newDevice(browser), await newDevice(browser)];
    for (const page of [phone, laptop]) {
      await setUpSync(page, couch, database);
      await page.locator('section.sync [data-sync-state="idle"]').waitFor();
    }
    await review(phone, ['3', '3']);
    await toSettings(phone);
    await syncNow(phone);
    await toSettings(laptop);
    await syncNow(laptop);
    const reviewed = (await stored(laptop)).logs;
    expect(reviewed).toHaveLength(2);
    const cardId = reviewed[0]!.cardId;

    await resetOnCardPage(phone, cardId);
    const reset = (await stored(phone)).states.find((s) => s.cardId === cardId)!;
    expect(reset).toMatchObject({ state: 0, reps: 0, lastReview: null });
    await toSettings(phone);
    await syncNow(phone);
    await toSettings(laptop);
    await syncNow(laptop);
    const there = await stored(laptop);
    expect(there.states.find((s) => s.cardId === cardId)).toEqual(reset);
    // The history stays on both, as the confirmation says.
    expect(idsOf(there.logs)).toEqual(idsOf(reviewed));

    // The laptop reviews on (the reset card among the new ones); the phone then agrees with it.
    await review(laptop, ['4', '4', '4']);
    await toSettings(laptop);
    await syncNow(laptop);
    await toSettings(phone);
    await syncNow(phone);
    const [a, b] = [await stored(phone), await stored(laptop)];
    expect(idsOf(a.logs)).toEqual(idsOf(b.logs));
    const byCard = (states: typeof a.states) => new Map(states.map((s) => [s.cardId, s]));
    expect(byCard(a.states).get(cardId)).toEqual(byCard(b.states).get(cardId));
    for (const [id, state] of byCard(b.states)) expect(byCard(a.states).get(id)).toEqual(state);
    await phone.context().close();
    await laptop.context().close();
  }, 180_000);
});
