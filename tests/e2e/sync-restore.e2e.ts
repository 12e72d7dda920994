import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, launch } from './browser';
import {
  device,
  idsOf,
  review,
  reviewIdsOnServer,
  serverDocs,
  setUpSync,
  stored,
  syncNow,
  upToDate,
} from './syncDevices';

let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'recall-sync-restore-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function downloadBackup(page: Page): Promise<string> {
  await page.goto(baseUrl() + '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const path = join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

async function restore(page: Page, path: string) {
  await page.goto(baseUrl() + '/data');
  await page.getByLabel('Choose a backup file (.json)').setInputFiles(path);
  await page.getByTestId('backup-contents').waitFor();
  await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await page.getByText('Restored. Your previous data is kept as a snapshot below.').waitFor();
}

const batchesOf = async (database: string) =>
  (await serverDocs(inject('couch'), database)).filter((d) => d.kind === 'reviews').length;

describe('a device restored from a backup rejoins sync', () => {
  it('gets back from the server every review made since the backup, here and elsewhere, and sends nothing twice', async () => {
    const couch = inject('couch');
    const database = `restore-${Date.now()}`;
    const [phone, laptop] = [await device(browser), await device(browser)];
    await setUpSync(phone, couch, database);
    await upToDate(phone);

    await review(phone, ['3', '3']);
    await phone.goto(baseUrl() + '/settings');
    await syncNow(phone);
    const backup = await downloadBackup(phone);

    // After the backup: two more reviews here, synced, and one on the laptop.
    await review(phone, ['1', '3']);
    await phone.goto(baseUrl() + '/settings');
    await syncNow(phone);
    const beforeRestore = await stored(phone);
    await setUpSync(laptop, couch, database);
    await upToDate(laptop);
    await review(laptop, ['4']);
    await laptop.goto(baseUrl() + '/settings');
    await syncNow(laptop);
    const batches = await batchesOf(database);

    await restore(phone, backup);
    expect((await stored(phone)).logs).toHaveLength(2);
    await phone.goto(baseUrl() + '/settings');
    await syncNow(phone);

    const phoneAfter = await stored(phone);
    const laptopAfter = await stored(laptop);
    expect(phoneAfter.logs).toHaveLength(5);
    expect(idsOf(phoneAfter.logs)).toEqual(await reviewIdsOnServer(couch, database));
    // Nothing was sent again: the server holds each review once, in the batches it had.
    expect(await batchesOf(database)).toBe(batches);
    // The phone's cards are as they were before the restore, plus the laptop's review.
    await syncNow(laptop);
    expect(idsOf((await stored(laptop)).logs)).toEqual(idsOf(phoneAfter.logs));
    const studied = (states: typeof phoneAfter.states) =>
      new Map(states.filter((s) => s.reps > 0).map((s) => [s.cardId, s]));
    const laptopStates = studied(laptopAfter.states);
    for (const [cardId, state] of studied(phoneAfter.states)) expect(laptopStates.get(cardId)).toEqual(state);
    for (const state of beforeRestore.states.filter((s) => s.reps > 0))
      if (!laptopAfter.logs.some((l) => l.cardId === state.cardId))
        expect(studied(phoneAfter.states).get(state.cardId)).toEqual(state);
    for (const page of [phone, laptop]) await page.context().close();
  }, 180_000);
});
