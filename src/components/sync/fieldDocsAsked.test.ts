// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../storage/settings';
import { loadProgress, saveProgress } from '../../storage/sync/syncDb';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { device, HOUR, rate, syncer, T0, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

const FIELD_DOC = /fields%3A(settings|fsrsParams|decks)/;

/** A fetch that records every request's path and query, and fails those `cut` matches. */
function recording(cut?: RegExp) {
  const asked: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    asked.push(url.pathname + url.search);
    if (cut?.test(url.pathname)) throw new TypeError('network error');
    return fetch(input, init);
  };
  return { asked, fetchImpl };
}

/** Two devices that have synced until neither has anything left to merge. */
async function settled(database: string): Promise<[Device, Device]> {
  const [phone, laptop] = [await device(), await device()];
  const settings = await loadSettings(phone.db);
  await saveSettings(phone.db, { ...settings, desiredRetention: 0.85 });
  for (let round = 0; round < 2; round++) for (const d of [phone, laptop]) await sync(d, database);
  return [phone, laptop];
}

describe('the settings, optimizer parameters and decks documents', () => {
  it('are not asked of the server after a day’s reviews alone, and each sync reads the changes feed once', async () => {
    const [phone, laptop] = await settled('asked-day');
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.b', 3, T0 + HOUR);
    // Later syncs of a session, whose database an earlier one reached.
    const known = { databaseKnown: true };
    const pushing = recording();
    expect(await sync(phone, 'asked-day', { fetchImpl: pushing.fetchImpl, ...known })).toEqual({
      pushed: 2,
      pulled: 0,
    });
    const pulling = recording();
    expect(await sync(laptop, 'asked-day', { fetchImpl: pulling.fetchImpl, ...known })).toEqual({
      pushed: 0,
      pulled: 2,
    });
    for (const { asked } of [pushing, pulling]) {
      expect(asked.filter((path) => FIELD_DOC.test(path))).toEqual([]);
      expect(asked.filter((path) => path.includes('/_changes'))).toHaveLength(1);
      expect(asked).not.toContain('/asked-day');
    }
    expect(await laptop.db.states.get('rag.a')).toMatchObject({ reps: 1 });
  });

  it('are merged when the feed lists them, also by a sync after one that stopped before merging them', async () => {
    const [phone, laptop] = await settled('asked-edit');
    const settings = await loadSettings(phone.db);
    await saveSettings(phone.db, { ...settings, desiredRetention: 0.8 });
    await sync(phone, 'asked-edit');
    // The laptop's pull sees the settings written; the network goes before they are read.
    const cut = recording(/fields%3Asettings/);
    await expect(sync(laptop, 'asked-edit', { fetchImpl: cut.fetchImpl })).rejects.toThrow();
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.85);
    await sync(laptop, 'asked-edit');
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.8);
  });

  it('are all asked for once by a device whose progress does not say which wait (an earlier app’s)', async () => {
    const [phone, laptop] = await settled('asked-earlier');
    const settings = await loadSettings(phone.db);
    await saveSettings(phone.db, { ...settings, desiredRetention: 0.9 });
    await sync(phone, 'asked-earlier');
    // An earlier app pulled (its position moved past the settings written) and stopped before merging.
    await expect(
      sync(laptop, 'asked-earlier', { fetchImpl: recording(/fields%3Asettings/).fetchImpl }),
    ).rejects.toThrow();
    const { fieldDocs: _unknown, ...earlier } = await loadProgress(laptop.sync);
    await saveProgress(laptop.sync, earlier);
    const resumed = recording();
    await sync(laptop, 'asked-earlier', { fetchImpl: resumed.fetchImpl });
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.9);
    expect(resumed.asked.filter((path) => FIELD_DOC.test(path))).toHaveLength(3);
    const next = recording();
    await sync(laptop, 'asked-earlier', { fetchImpl: next.fetchImpl });
    expect(next.asked.filter((path) => FIELD_DOC.test(path))).toEqual([]);
  });

  it('are asked for again after the setup is forgotten, taking the server’s values', async () => {
    const [phone, laptop] = await settled('asked-forget');
    const { forgetSetup } = await import('../../storage/sync/syncDb');
    await forgetSetup(laptop.sync);
    const settings = await loadSettings(laptop.db);
    await saveSettings(laptop.db, { ...settings, desiredRetention: 0.95 });
    const again = recording();
    await sync(laptop, 'asked-forget', { fetchImpl: again.fetchImpl });
    expect(again.asked.filter((path) => FIELD_DOC.test(path)).length).toBeGreaterThanOrEqual(3);
    // A device syncing afresh takes the server's value of each field it has.
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.85);
    await sync(phone, 'asked-forget');
    expect((await loadSettings(phone.db)).desiredRetention).toBe(0.85);
  });
});
