// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import { fromRow } from '../../storage/db';
import { flagCards } from '../../storage/cardActions';
import { declareBulk } from '../../storage/changeSequence';
import { pruneChangeLog } from '../../storage/changeLogPruning';
import { undoReview } from '../../storage/reviews';
import { loadSettings, saveSettings } from '../../storage/settings';
import { countUnpushed } from '../../storage/sync/outbox';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { replayCard } from '../../domain/sync/replay';
import { DAY, device, HOUR, rate, serverDocIds, syncer, T0, testScheduler, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

/** Undoes the device's latest review of `cardId`, as the review screen's undo does. */
async function undoLast(d: Device, cardId: string) {
  const logs = await d.db.logs.where('cardId').equals(cardId).sortBy('review');
  const last = logs.at(-1)!;
  // The state before that review, as the session kept it: the earlier reviews' replay.
  const fresh = newState(cardId, cardId.split('.')[0]!, 0);
  const previous = replayCard(fresh, logs.slice(0, -1), testScheduler);
  await undoReview(d.db, previous, last.id);
  return last;
}

describe('a review undone after it was pushed', () => {
  it('leaves every device, a new one and a restored one included, without it', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'undo');
    await sync(laptop, 'undo');
    expect(await laptop.db.logs.count()).toBe(1);
    const undone = await undoLast(phone, 'rag.a');
    await sync(phone, 'undo');
    expect(await sync(laptop, 'undo')).toMatchObject({ pulled: 0 });
    expect(await laptop.db.logs.count()).toBe(0);
    expect(await laptop.db.states.get('rag.a')).toMatchObject({ state: 0, reps: 0, lastReview: null });
    expect((await laptop.db.days.toArray()).map((d) => d.count)).toEqual([0]);
    // The batch stays on the server as it was; a record says the review was undone.
    expect(await serverDocIds(server, 'undo')).toContain(`undone:${undone.id}`);

    const tablet = await device();
    await sync(tablet, 'undo');
    expect(await tablet.db.logs.count()).toBe(0);
    expect(await tablet.db.states.get('rag.a')).toMatchObject({ reps: 0 });

    // The phone restored from a backup taken before the undo: the review comes back, then goes.
    await phone.db.transaction('rw', phone.db.logs, async () => {
      declareBulk('*');
      await phone.db.logs.add(undone);
    });
    await sync(phone, 'undo');
    expect(await phone.db.logs.get(undone.id)).toBeUndefined();
  });

  it('keeps the card’s other reviews, from both devices, and replays it from them', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(laptop, 'rag.a', 3, T0 + 2 * DAY);
    await rate(phone, 'rag.a', 1, T0 + 5 * DAY);
    await sync(phone, 'undo-keeps');
    await sync(laptop, 'undo-keeps');
    await sync(phone, 'undo-keeps');
    await undoLast(phone, 'rag.a');
    await sync(phone, 'undo-keeps');
    await sync(laptop, 'undo-keeps');
    for (const d of [phone, laptop]) {
      expect(await d.db.logs.count()).toBe(2);
      expect(await d.db.states.get('rag.a')).toMatchObject({ reps: 2, lapses: 0, lastReview: T0 + 2 * DAY });
    }
    expect(fromRow((await laptop.db.states.get('rag.a'))!)).toEqual(
      fromRow((await phone.db.states.get('rag.a'))!),
    );
  });
});

describe('a device clock set back', () => {
  it('pushes reviews made while the clock was weeks behind, and the settings edited then still win', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0 + 30 * DAY);
    await sync(phone, 'clock');
    await sync(laptop, 'clock');
    const settings = await loadSettings(phone.db);
    await saveSettings(phone.db, { ...settings, desiredRetention: 0.8 });
    await sync(phone, 'clock', { now: T0 + 30 * DAY });
    // The clock goes back a month: a review and a setting changed then.
    await rate(phone, 'rag.b', 3, T0);
    await saveSettings(phone.db, { ...(await loadSettings(phone.db)), desiredRetention: 0.92 });
    expect(await countUnpushed(phone.db, phone.sync)).toBe(1);
    expect(await sync(phone, 'clock', { now: T0 + HOUR })).toMatchObject({ pushed: 1 });
    expect(await countUnpushed(phone.db, phone.sync)).toBe(0);
    expect(await sync(laptop, 'clock')).toMatchObject({ pulled: 1 });
    expect(await laptop.db.states.get('rag.b')).toMatchObject({ reps: 1, lastReview: T0 });
    expect((await loadSettings(laptop.db)).desiredRetention).toBe(0.92);
  });
});

describe('a change log pruned past the last push', () => {
  it('pulls everything again and pushes what the server lacks, nothing twice', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(laptop, 'rag.b', 3, T0 + HOUR);
    await sync(phone, 'pruned');
    await sync(laptop, 'pruned');
    await rate(phone, 'rag.c', 3, T0 + 2 * HOUR);
    await flagCards(phone.db, ['rag.a'], 2);
    // Rows above the last push are pruned, the new review's among them (the newest one stays:
    // it holds the counter).
    const last = (await phone.db.changeLog.orderBy('usn').lastKey()) as number;
    await phone.db.changeLog.where('usn').below(last).delete();
    expect(await sync(phone, 'pruned')).toEqual({ pushed: 1, pulled: 1 });
    expect(await sync(laptop, 'pruned')).toEqual({ pushed: 0, pulled: 1 });
    expect(await phone.db.logs.count()).toBe(3);
    expect((await laptop.db.states.get('rag.a'))?.flag).toBe(2);
    const batches = (await serverDocIds(server, 'pruned')).filter((id) => id.startsWith('reviews:'));
    expect(batches).toHaveLength(3);
  });
});

describe('the change log sync reads', () => {
  it('is registered up to what the last sync covered, so pruning keeps what the next push needs', async () => {
    const phone = await device();
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'covered');
    const covered = (await phone.db.meta.get('changeConsumers'))?.value as Record<string, number>;
    const last = (await phone.db.changeLog.orderBy('usn').lastKey()) as number;
    expect(covered.sync).toBe(last);
    await rate(phone, 'rag.b', 3, T0 + HOUR);
    await pruneChangeLog(phone.db, { syncKnown: true });
    expect(await phone.db.changeLog.where('usn').above(covered.sync!).count()).toBe(1);
    expect(await sync(phone, 'covered')).toEqual({ pushed: 1, pulled: 0 });
    expect((await serverDocIds(server, 'covered')).filter((id) => id.startsWith('reviews:'))).toHaveLength(2);
  });
});

describe('a new device whose first sync stops halfway', () => {
  it('sends none of what it had pulled back to the server when it resumes', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.b', 3, T0 + HOUR);
    await sync(phone, 'halfway');
    // The network goes once the first page of the changes feed has been got (its documents).
    let got = false;
    const cutAfterFirstPage: typeof fetch = async (input, init) => {
      if (got) throw new TypeError('network error');
      got = String(input).includes('/_all_docs');
      return fetch(input, init);
    };
    await expect(sync(laptop, 'halfway', { fetchImpl: cutAfterFirstPage })).rejects.toThrow();
    expect(await laptop.db.logs.count()).toBe(2);
    expect(await sync(laptop, 'halfway')).toEqual({ pushed: 0, pulled: 0 });
    expect((await serverDocIds(server, 'halfway')).filter((id) => id.startsWith('reviews:'))).toHaveLength(1);
  });
});
