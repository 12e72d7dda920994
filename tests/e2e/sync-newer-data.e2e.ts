import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, launch, storedRows } from './browser';
import {
  device,
  putDoc,
  review,
  serverDocs,
  setUpSync,
  stored,
  syncNow,
  syncNowEnding,
  syncAlert,
  syncSection,
  upToDate,
  type Couch,
} from './syncDevices';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const updateNeeded = 'Another device has synced data in a newer format than this version of the app knows';

const docOnServer = async (couch: Couch, database: string, id: string) =>
  (await serverDocs(couch, database)).find((d) => d._id === id);

const retention = async (page: Page) =>
  (
    await storedRows<{ settings: { key: string; value: { desiredRetention: number } }[] }>(page, ['settings'])
  ).settings.find((r) => r.key === 'settings')!.value.desiredRetention;

async function setRetention(page: Page, value: string) {
  await page.goto(baseUrl() + '/settings');
  const form = page.locator('form', { has: page.getByLabel('Desired retention') });
  await form.getByLabel('Desired retention').fill(value);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved').first().waitFor();
}

/** The page's uncaught errors from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe('this app meets data a newer version wrote', () => {
  it('review batches in a newer format: says an update is needed, applies none of them, leaves them as they are', async () => {
    const couch = inject('couch');
    const database = `newer-reviews-${Date.now()}`;
    // A device of the newer version: its reviews in a batch of format 2, with a column this app lacks.
    const newer = await device(browser);
    await setUpSync(newer, couch, database);
    await upToDate(newer);
    await review(newer, ['3', '4']);
    await newer.goto(baseUrl() + '/settings');
    await syncNow(newer);
    const batch = (await serverDocs(couch, database)).find((d) => d.kind === 'reviews')!;
    const fields = [...(batch.fields as string[]), 'mood'];
    const idColumn = fields.indexOf('id');
    const rows = (batch.rows as unknown[][]).map((row) =>
      [...row, 'calm'].map((v, i) => (i === idColumn ? `newer-${String(v)}` : v)),
    );
    const newerDoc = {
      _id: 'reviews:newerdevice:0000000001',
      kind: 'reviews',
      format: 2,
      device: 'newerdevice',
      seq: 1,
      fields,
      rows,
    };
    await putDoc(couch, database, newerDoc);
    const before = await docOnServer(couch, database, newerDoc._id);

    const old = await device(browser);
    const errors = pageErrors(old);
    await setUpSync(old, couch, database);
    await syncAlert(old, updateNeeded);
    expect((await stored(old)).logs.filter((l) => l.id.startsWith('newer-'))).toEqual([]);
    expect(await docOnServer(couch, database, newerDoc._id)).toEqual(before);
    // The app goes on working: reviewing here is kept, waiting for the update.
    await review(old, ['3']);
    expect((await stored(old)).logs.some((l) => !l.id.startsWith('newer-'))).toBe(true);
    await old.goto(baseUrl() + '/settings');
    await syncAlert(old, updateNeeded);
    expect(errors).toEqual([]);
    for (const page of [newer, old]) await page.context().close();
  }, 180_000);

  it('settings in a newer format: reviews still sync, the settings are neither taken nor written over', async () => {
    const couch = inject('couch');
    const database = `newer-settings-${Date.now()}`;
    const clock = { t: Date.now(), c: 0, d: 'newerdevice' };
    // A retention this app cannot store (its range is 0.70–0.99), in a format that allows it.
    const settingsDoc = {
      _id: 'fields:settings',
      kind: 'fields',
      format: 2,
      fields: { desiredRetention: { v: 0.5, c: clock } },
    };
    await putDoc(couch, database, settingsDoc);
    const before = await docOnServer(couch, database, settingsDoc._id);

    const old = await device(browser);
    const errors = pageErrors(old);
    await review(old, ['3']);
    await setRetention(old, '0.85');
    await setUpSync(old, couch, database);
    // Its review went; the settings stopped there.
    await syncSection(old)
      .locator('[data-sync-state="failed"]', { hasText: 'Every review made here is on the server' })
      .waitFor();
    await syncAlert(old, updateNeeded);
    expect(await syncNowEnding(old)).toEqual({ failure: 'update', pending: 0 });
    expect(await retention(old)).toBe(0.85);
    expect(await docOnServer(couch, database, settingsDoc._id)).toEqual(before);
    expect(errors).toEqual([]);
    await old.context().close();
  }, 180_000);

  it('a setting this app does not know, in a format it knows, is kept on the server when it writes its own', async () => {
    const couch = inject('couch');
    const database = `newer-field-${Date.now()}`;
    const unknown = { v: 30, c: { t: Date.now() - 60_000, c: 0, d: 'newerdevice' } };
    await putDoc(couch, database, {
      _id: 'fields:settings',
      kind: 'fields',
      format: 1,
      fields: { dailyGoalMinutes: unknown },
    });

    const old = await device(browser);
    await setUpSync(old, couch, database);
    await upToDate(old);
    await setRetention(old, '0.85');
    await syncNow(old);
    const fields = (await docOnServer(couch, database, 'fields:settings'))!.fields as Record<
      string,
      { v: unknown }
    >;
    expect(fields.dailyGoalMinutes).toEqual(unknown);
    expect(fields.desiredRetention?.v).toBe(0.85);
    expect(await syncSection(old).getByRole('alert').count()).toBe(0);
    await old.context().close();
  }, 180_000);
});
