// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../domain/scheduling/scheduler';
import type { Rating } from '../../domain/scheduling/types';
import { replayCard } from '../../domain/sync/replay';
import { rollupsFromLogs } from '../../domain/stats/dayRollup';
import { fromRow, toRow, type AppDb } from '../../storage/db';
import { saveNote } from '../../storage/notes';
import { syncDecks } from '../../storage/deckSync';
import { recordReview } from '../../storage/reviews';
import { loadSettings, saveSettings } from '../../storage/settings';
import { loadFsrsParams, resetFsrsParams } from '../../storage/fsrsParams';
import { saveSyncedFsrsParams } from '../../storage/sync/fsrsParams';
import { roleSettings } from '../../domain/settings/settings';
import { declareBulk } from '../../storage/changeSequence';
import { countUnpushed } from '../../storage/sync/outbox';
import { openSyncDb, type SyncDb } from '../../storage/sync/syncDb';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { couchDatabase, SyncError } from './couch';
import { runSync } from './engine';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
});
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;

let server: CouchTestServer;
beforeAll(async () => {
  server = await startCouchTestServer();
});
afterAll(() => server.close());

interface Device {
  db: AppDb;
  sync: SyncDb;
}

let dbCount = 0;
async function device(): Promise<Device> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['a', 'b', 'c'].map((k) => testCard('rag', k)),
    ),
  ]);
  return { db, sync: openSyncDb(`sync-test-${++dbCount}-${Math.random()}`) };
}

async function rate(d: Device, cardId: string, rating: Rating, at: number) {
  const previous = fromRow((await d.db.states.get(cardId))!);
  const { next, log } = scheduler.answer(previous, rating, at, 3000, crypto.randomUUID());
  await recordReview(d.db, next, log, previous);
}

/** A sync at the time of the device's latest review (a minute later), as it happens in the app. */
const sync = async (d: Device, database: string, password = server.password, fetchImpl = fetch) => {
  const latest = (await d.db.logs.orderBy('review').last())?.review ?? T0;
  return runSync({
    db: d.db,
    sync: d.sync,
    remote: couchDatabase({ url: `${server.url}/${database}`, user: server.user, password }, fetchImpl),
    schedulerFor: () => scheduler,
    now: () => latest + 60_000,
  });
};

describe('sync through a CouchDB-protocol server', () => {
  it('gives two devices that reviewed offline, the same card included, every review and the states of a replay in time order', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.b', 3, T0 + HOUR);
    await rate(laptop, 'rag.a', 1, T0 + 30 * HOUR);
    await rate(phone, 'rag.a', 3, T0 + 72 * HOUR);
    await rate(laptop, 'rag.c', 4, T0 + 2 * HOUR);

    expect(await sync(phone, 'two-devices')).toEqual({ pushed: 3, pulled: 0 });
    expect(await sync(laptop, 'two-devices')).toEqual({ pushed: 2, pulled: 3 });
    expect(await sync(phone, 'two-devices')).toEqual({ pushed: 0, pulled: 2 });

    for (const d of [phone, laptop]) {
      expect(await d.db.logs.count()).toBe(5);
      expect(await countUnpushed(d.db, d.sync)).toBe(0);
    }
    const logs = await phone.db.logs.toArray();
    for (const cardId of ['rag.a', 'rag.b', 'rag.c']) {
      const onPhone = fromRow((await phone.db.states.get(cardId))!);
      const onLaptop = fromRow((await laptop.db.states.get(cardId))!);
      expect(onLaptop).toEqual(onPhone);
      const own = logs.filter((l) => l.cardId === cardId);
      expect(onPhone).toEqual(replayCard(onPhone, own, scheduler));
    }
    expect(await phone.db.states.get('rag.a')).toMatchObject({ reps: 3, lastReview: T0 + 72 * HOUR });
    // The day rollups statistics read count the other device's reviews too.
    const expected = rollupsFromLogs(logs, 4);
    expect(await laptop.db.days.toArray()).toEqual(expect.arrayContaining(expected));
    expect(await laptop.db.days.count()).toBe(expected.length);
  });

  it('repeats nothing when run again, and pushes only what is new', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'again');
    await sync(laptop, 'again');
    expect(await sync(laptop, 'again')).toEqual({ pushed: 0, pulled: 0 });
    await rate(laptop, 'rag.a', 3, T0 + 48 * HOUR);
    expect(await sync(laptop, 'again')).toEqual({ pushed: 1, pulled: 0 });
    expect(await sync(phone, 'again')).toEqual({ pushed: 0, pulled: 1 });
    expect(await phone.db.logs.count()).toBe(2);
  });

  it('resumes a sync the network cut short, losing and repeating nothing', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.b', 1, T0 + HOUR);
    await sync(phone, 'cut');
    await rate(laptop, 'rag.a', 2, T0 + 2 * HOUR);
    // The laptop's batch reaches the server, but the answer is lost, and so is everything after.
    let requests = 0;
    const cutAfterPush: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'PUT' && ++requests === 1) throw new TypeError('network error');
      if (requests > 0) throw new TypeError('network error');
      return response;
    };
    await expect(sync(laptop, 'cut', server.password, cutAfterPush)).rejects.toEqual(
      new SyncError('unreachable'),
    );
    expect(await countUnpushed(laptop.db, laptop.sync)).toBe(1);
    // Its first sync pulled the phone's two reviews before pushing; its own is found on the server.
    expect(await laptop.db.logs.count()).toBe(3);
    expect(await sync(laptop, 'cut')).toEqual({ pushed: 0, pulled: 0 });
    expect(await sync(phone, 'cut')).toEqual({ pushed: 0, pulled: 1 });
    for (const d of [phone, laptop]) expect(await d.db.logs.count()).toBe(3);
    const all = await (
      await fetch(`${server.url}/cut/_all_docs`, {
        headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
      })
    ).json();
    expect(all.rows.filter((r: { id: string }) => r.id.startsWith('reviews:'))).toHaveLength(2);
  });

  it('brings back to a device restored from an older backup the reviews it lost since, and its card state', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.a', 3, T0 + 48 * HOUR);
    await sync(phone, 'rejoin');
    await sync(laptop, 'rejoin');
    const lost = (await phone.db.logs.orderBy('review').last())!;
    const stateBefore = await phone.db.states.get('rag.a');
    // A restore of a backup taken before the second review (as restore writes: declared wholesale).
    await phone.db.transaction('rw', phone.db.logs, phone.db.states, async () => {
      declareBulk('*');
      await phone.db.logs.delete(lost.id);
      await phone.db.states.put({ ...stateBefore!, reps: 1, lastReview: T0 });
    });
    expect(await sync(phone, 'rejoin')).toMatchObject({ pulled: 1 });
    expect(await phone.db.logs.get(lost.id)).toEqual(lost);
    expect(await phone.db.states.get('rag.a')).toEqual(stateBefore);
    expect(await sync(laptop, 'rejoin')).toEqual({ pushed: 0, pulled: 0 });
  });

  it('merges settings field by field: an interview date set on one device and a limit changed on the other both survive, and a new device takes them', async () => {
    const [phone, laptop] = [await device(), await device()];
    const phoneSettings = await loadSettings(phone.db);
    await saveSettings(phone.db, { ...phoneSettings, desiredRetention: 0.85 });
    await sync(phone, 'settings');
    await sync(laptop, 'settings');
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.85);

    const edit = async (d: Device, change: (r: ReturnType<typeof roleSettings>) => object) => {
      const s = await loadSettings(d.db);
      await saveSettings(d.db, {
        ...s,
        roles: { ...s.roles, rag: { ...roleSettings(s, 'rag'), ...change(roleSettings(s, 'rag')) } },
      });
    };
    await edit(phone, () => ({ interviewDate: '2026-03-01' }));
    await edit(laptop, () => ({ newPerDay: 25 }));
    await sync(phone, 'settings');
    await sync(laptop, 'settings');
    await sync(phone, 'settings');
    for (const d of [phone, laptop]) {
      const s = await loadSettings(d.db);
      expect(roleSettings(s, 'rag')).toMatchObject({ interviewDate: '2026-03-01', newPerDay: 25 });
      expect(s.desiredRetention).toBe(0.85);
    }
    const tablet = await device();
    await sync(tablet, 'settings');
    expect(roleSettings(await loadSettings(tablet.db), 'rag')).toMatchObject({ interviewDate: '2026-03-01' });
  });

  it('carries optimizer parameters adopted on one device to the other, scope by scope', async () => {
    const [phone, laptop] = [await device(), await device()];
    const W = [
      0.2, 1.2, 3.2, 15.7, 7.2, 0.5, 1.5, 0.005, 1.5, 0.12, 1.0, 1.9, 0.11, 0.3, 2.3, 0.23, 2.9, 0.5, 0.7,
      0.1, 0.5,
    ];
    await saveSyncedFsrsParams(phone.db, { rag: { w: W, history: [] } });
    await resetFsrsParams(laptop.db, 'global', T0);
    await sync(phone, 'params');
    await sync(laptop, 'params');
    await sync(phone, 'params');
    for (const d of [phone, laptop]) {
      const params = await loadFsrsParams(d.db);
      expect(params.rag?.w).toEqual(W);
      expect(params.global?.history).toHaveLength(1);
    }
  });

  it('merges flags, suspensions and notes card by card: each device’s survive on both', async () => {
    const [phone, laptop] = [await device(), await device()];
    await sync(phone, 'cards');
    await sync(laptop, 'cards');
    const change = async (d: Device, cardId: string, patch: object) => {
      const state = fromRow((await d.db.states.get(cardId))!);
      await d.db.states.put(toRow({ ...state, ...patch }));
    };
    await change(phone, 'rag.a', { flag: 2 });
    await saveNote(phone.db, 'rag.b', 'rag', 'my RAG story', T0);
    await change(laptop, 'rag.a', { hidden: 'suspended' });
    await change(laptop, 'rag.c', { flag: 5 });
    await sync(phone, 'cards');
    await sync(laptop, 'cards');
    await sync(phone, 'cards');
    for (const d of [phone, laptop]) {
      expect(await d.db.states.get('rag.a')).toMatchObject({ flag: 2, hidden: 'suspended', queue: -1 });
      expect(await d.db.states.get('rag.c')).toMatchObject({ flag: 5 });
      expect((await d.db.notes.get('rag.b'))?.text).toBe('my RAG story');
    }
    // Taking a flag off is an edit too.
    await change(laptop, 'rag.c', { flag: undefined });
    await sync(laptop, 'cards');
    await sync(phone, 'cards');
    expect((await phone.db.states.get('rag.c'))?.flag).toBeUndefined();
  });

  it('refuses wrong credentials with a failure the Sync section can name, writing nothing', async () => {
    const phone = await device();
    await rate(phone, 'rag.a', 3, T0);
    await expect(sync(phone, 'wrong', 'not-the-password')).rejects.toEqual(new SyncError('credentials', 401));
    expect(await countUnpushed(phone.db, phone.sync)).toBe(1);
  });

  it('says the server is unreachable when nothing answers', async () => {
    const phone = await device();
    const remote = couchDatabase({ url: 'http://127.0.0.1:9/none', user: 'u', password: 'p' });
    await expect(
      runSync({ db: phone.db, sync: phone.sync, remote, schedulerFor: () => scheduler, now: () => T0 }),
    ).rejects.toEqual(new SyncError('unreachable'));
  });
});
