import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, ratingSaved, reviewByKeyboard, storedRows } from './browser';

/** Where a device syncs: a CouchDB-protocol server and its one account. */
export interface Couch {
  url: string;
  user: string;
  password: string;
}

export interface Log {
  id: string;
  cardId: string;
  review: number;
  rating: number;
}

export interface State {
  cardId: string;
  reps: number;
  lapses: number;
  due: number;
  stability: number;
  difficulty: number;
  state: number;
  lastReview: number | null;
}

export const stored = (page: Page) => storedRows<{ logs: Log[]; states: State[] }>(page, ['logs', 'states']);

/** A device: a browser profile of its own, with the app open and its service worker installed. */
export async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(baseUrl() + '/');
  await page.locator('.today-summary').waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return page;
}

export const syncSection = (page: Page) => page.locator('section.sync');

/** Settings › Sync: the database URL, user and password, then _Turn sync on_. */
export async function setUpSync(page: Page, couch: Couch, database: string, password = couch.password) {
  await page.goto(baseUrl() + '/settings');
  const section = syncSection(page);
  await section.getByLabel('Database URL').fill(`${couch.url}/${database}`);
  await section.getByLabel('User name').fill(couch.user);
  await section.getByLabel('Password').fill(password);
  await section.getByRole('button', { name: 'Turn sync on' }).click();
}

/** Waits until the Sync section's alert says `text` (on a timeout, the error says what it showed). */
export async function syncAlert(page: Page, text: string) {
  try {
    await syncSection(page).getByRole('alert').getByText(text).waitFor();
  } catch (error) {
    const shown = await syncSection(page).innerText();
    throw new Error(`the Sync section never said "${text}"; it shows: ${shown}`, { cause: error });
  }
}

/** Waits until no sync runs and every review made on this device is on the server. */
export const upToDate = (page: Page) =>
  syncSection(page)
    .locator('[data-sync-state="idle"]', { hasText: 'Every review made here is on the server' })
    .waitFor();

export interface SyncEnd {
  failure: string | null;
  pending: number;
}

/**
 * Clicks _Sync now_ and waits for that sync to end, as the worker announces it to every tab;
 * returns how it ended (its failure, the reviews still not on the server).
 */
export async function syncNowEnding(page: Page): Promise<SyncEnd> {
  const section = syncSection(page);
  await section.locator('[data-sync-state="idle"], [data-sync-state="failed"]').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __syncEnd: unknown };
    w.__syncEnd = null;
    const channel = new BroadcastChannel('interview-recall:sync-status');
    let began = false;
    channel.onmessage = ({
      data,
    }: MessageEvent<{ running: boolean; lastFailure: string | null; pending: number }>) => {
      if (data.running) began = true;
      else if (began) {
        w.__syncEnd = { failure: data.lastFailure, pending: data.pending };
        channel.close();
      }
    };
  });
  await section.getByRole('button', { name: 'Sync now' }).click();
  const end = await page.waitForFunction(() => (window as unknown as { __syncEnd: unknown }).__syncEnd);
  return (await end.jsonValue()) as SyncEnd;
}

/** Sync now, and check it ended with every review made here on the server. */
export async function syncNow(page: Page) {
  expect(await syncNowEnding(page)).toEqual({ failure: null, pending: 0 });
  await upToDate(page);
}

/** Reviews the next cards of the daily review with these ratings. */
export async function review(page: Page, keys: ('1' | '2' | '3' | '4')[]) {
  await page.goto(baseUrl() + '/review');
  await page.locator('.card-question').waitFor();
  for (const key of keys) await reviewByKeyboard(page, key);
  await ratingSaved(page);
}

/** Every document of a database, read straight from the server. */
export async function serverDocs(couch: Couch, database: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${couch.url}/${database}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${btoa(`${couch.user}:${couch.password}`)}` },
  });
  const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((r) => r.doc);
}

/** The ids of the reviews in every review batch on the server, each as often as it is there. */
export async function reviewIdsOnServer(couch: Couch, database: string): Promise<string[]> {
  const docs = await serverDocs(couch, database);
  const ids: string[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'reviews') continue;
    const column = (doc.fields as string[]).indexOf('id');
    for (const row of doc.rows as unknown[][]) ids.push(row[column] as string);
  }
  return ids.sort();
}

export const idsOf = (logs: Log[]) => logs.map((l) => l.id).sort();

/** Writes a document to the server as another device would (creating the database if need be). */
export async function putDoc(couch: Couch, database: string, doc: Record<string, unknown>) {
  const headers = {
    Authorization: `Basic ${btoa(`${couch.user}:${couch.password}`)}`,
    'Content-Type': 'application/json',
  };
  await fetch(`${couch.url}/${database}`, { method: 'PUT', headers });
  const response = await fetch(`${couch.url}/${database}/${encodeURIComponent(doc._id as string)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(doc),
  });
  expect(response.ok).toBe(true);
}
