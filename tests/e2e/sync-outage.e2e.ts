import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchTestServer, type CouchTestServer } from '../../scripts/couch-test-server.mjs';
import { baseUrl, launch } from './browser';
import {
  device,
  idsOf,
  review,
  reviewIdsOnServer,
  setUpSync,
  stored,
  syncAlert,
  syncSection,
  upToDate,
} from './syncDevices';

// A server of this file's own, which the tests stop and start again (the databases stay, as they
// would on a CouchDB restart).
let browser: Browser;
let couch: CouchTestServer;
beforeAll(async () => {
  browser = await launch();
  couch = await startCouchTestServer();
});
afterAll(async () => {
  await browser?.close();
  await couch?.close();
});

const unreachable = 'The server could not be reached';

describe('sync when the server stops in the middle of a sync', () => {
  it('says so, keeps the reviews, retries on its own once the server is back, and ends with every review once', async () => {
    const database = `outage-${Date.now()}`;
    const [phone, laptop] = [await device(browser), await device(browser)];
    for (const page of [phone, laptop]) {
      await setUpSync(page, couch, database);
      await upToDate(page);
    }

    // The phone's first batch reaches the server, which goes down before its answer leaves.
    couch.crashOn((req) => req.method === 'PUT' && (req.url ?? '').includes('/reviews%3A'));
    await review(phone, ['3', '1', '4']);
    await phone.goto(baseUrl() + '/settings');
    await syncAlert(phone, unreachable);
    // Its answer was lost, so as far as the phone knows those reviews are not on the server yet.
    await syncSection(phone).getByText('3 reviews not yet on the server.').waitFor();

    // Reviewing goes on while the server is down.
    await review(phone, ['3']);
    expect((await stored(phone)).logs).toHaveLength(4);

    // The server comes back; the phone, left on Settings, tries again by itself.
    await phone.goto(baseUrl() + '/settings');
    await syncAlert(phone, unreachable);
    await couch.start();
    await upToDate(phone);
    expect(await syncSection(phone).getByRole('alert').count()).toBe(0);

    // The laptop's pull is cut: the server goes down as it answers the changes feed.
    couch.crashOn((req) => (req.url ?? '').includes('/_changes'));
    await laptop.goto(baseUrl() + '/settings');
    await syncAlert(laptop, unreachable);
    expect((await stored(laptop)).logs).toHaveLength(0);
    await couch.start();
    await upToDate(laptop);

    const [phoneAfter, laptopAfter] = [await stored(phone), await stored(laptop)];
    expect(phoneAfter.logs).toHaveLength(4);
    // Every review once on the server and on each device, and the same card states on both.
    expect(await reviewIdsOnServer(couch, database)).toEqual(idsOf(phoneAfter.logs));
    expect(idsOf(laptopAfter.logs)).toEqual(idsOf(phoneAfter.logs));
    const studied = (s: typeof phoneAfter.states) =>
      new Map(s.filter((x) => x.reps > 0).map((x) => [x.cardId, x]));
    expect(studied(laptopAfter.states)).toEqual(studied(phoneAfter.states));
    for (const page of [phone, laptop]) await page.context().close();
  }, 240_000);
});
