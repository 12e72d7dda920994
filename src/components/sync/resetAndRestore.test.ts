// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import { replayCard } from '../../domain/sync/replay';
import { resetCards, undoCardChange } from '../../storage/cardActions';
import { rollBack } from '../../storage/backup/restore';
import { declareBulk } from '../../storage/changeSequence';
import { fromRow } from '../../storage/db';
import { undoReview } from '../../storage/reviews';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { DAY, device, rate, serverDocIds, syncer, T0, testScheduler, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

const stateOf = async (d: Device, cardId: string) => fromRow((await d.db.states.get(cardId))!);

describe('progress reset on one device', () => {
  it('makes the card new on every device, keeps the history, and the reviews after it count', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(laptop, 'rag.a', 3, T0 + 2 * DAY);
    await rate(phone, 'rag.b', 3, T0 + 2 * DAY);
    await sync(phone, 'reset');
    await sync(laptop, 'reset');
    await sync(phone, 'reset');
    const before = await serverDocIds(server, 'reset');

    await resetCards(phone.db, ['rag.a'], T0 + 3 * DAY);
    await sync(phone, 'reset', { now: T0 + 3 * DAY + 1000 });
    await sync(laptop, 'reset', { now: T0 + 3 * DAY + 2000 });
    expect(await stateOf(laptop, 'rag.a')).toMatchObject({ state: 0, reps: 0, lastReview: null });
    expect(await stateOf(laptop, 'rag.b')).toMatchObject({ reps: 1 });
    // The history stays, as on the device that reset it: the statistics still count those reviews.
    expect(await laptop.db.logs.where('cardId').equals('rag.a').count()).toBe(2);
    // No document per card: the reset is a field of the role's card data.
    expect((await serverDocIds(server, 'reset')).filter((id) => !before.includes(id))).toEqual([
      'fields:cards:rag',
    ]);

    // The reviews after the reset, from either device, count from a new card.
    await rate(laptop, 'rag.a', 3, T0 + 4 * DAY);
    await sync(laptop, 'reset');
    await sync(phone, 'reset');
    const expected = replayCard(
      newState('rag.a', 'rag', 0),
      (await laptop.db.logs.where('cardId').equals('rag.a').toArray()).filter((l) => l.review > T0 + 3 * DAY),
      testScheduler,
    );
    expect(await stateOf(phone, 'rag.a')).toMatchObject({ reps: 1, lastReview: T0 + 4 * DAY });
    expect(await stateOf(phone, 'rag.a')).toMatchObject({ due: expected.due, stability: expected.stability });
    expect(await stateOf(laptop, 'rag.a')).toEqual(await stateOf(phone, 'rag.a'));

    // A device that meets all the batches later (its first sync) agrees.
    const tablet = await device();
    await sync(tablet, 'reset');
    expect(await stateOf(tablet, 'rag.a')).toEqual(await stateOf(phone, 'rag.a'));
    expect(await stateOf(tablet, 'rag.b')).toEqual(await stateOf(phone, 'rag.b'));
  });

  it('is not undone by a review made before it that arrives after it', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'reset-late');
    await sync(laptop, 'reset-late');
    // Offline, the laptop reviews the card; later the phone resets it and syncs first.
    await rate(laptop, 'rag.a', 3, T0 + DAY);
    await resetCards(phone.db, ['rag.a'], T0 + 2 * DAY);
    await sync(phone, 'reset-late', { now: T0 + 2 * DAY + 1000 });
    await sync(laptop, 'reset-late', { now: T0 + 2 * DAY + 2000 });
    await sync(phone, 'reset-late', { now: T0 + 2 * DAY + 3000 });
    for (const d of [phone, laptop]) {
      expect(await d.db.logs.count()).toBe(2);
      expect(await stateOf(d, 'rag.a')).toMatchObject({ state: 0, reps: 0, lastReview: null });
    }
  });

  it('travels back when the reset is undone, and a reset of every card is one document', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.c', 1, T0 + DAY);
    await sync(phone, 'reset-undo');
    await sync(laptop, 'reset-undo');
    const reviewed = await stateOf(laptop, 'rag.a');

    const change = await resetCards(phone.db, ['rag.a', 'rag.b', 'rag.c'], T0 + 2 * DAY);
    await sync(phone, 'reset-undo', { now: T0 + 2 * DAY + 1000 });
    expect((await serverDocIds(server, 'reset-undo')).filter((id) => id.startsWith('fields:cards'))).toEqual([
      'fields:cards:rag',
    ]);
    await sync(laptop, 'reset-undo', { now: T0 + 2 * DAY + 2000 });
    expect(await stateOf(laptop, 'rag.a')).toMatchObject({ state: 0, reps: 0 });
    expect(await stateOf(laptop, 'rag.c')).toMatchObject({ state: 0, reps: 0 });

    await undoCardChange(phone.db, change);
    await sync(phone, 'reset-undo', { now: T0 + 2 * DAY + 3000 });
    await sync(laptop, 'reset-undo', { now: T0 + 2 * DAY + 4000 });
    expect(await stateOf(laptop, 'rag.a')).toEqual(reviewed);
    expect(await stateOf(laptop, 'rag.c')).toEqual(await stateOf(phone, 'rag.c'));
    expect(await stateOf(laptop, 'rag.c')).toMatchObject({ reps: 1, lapses: 0 });
  });
});

describe('a rollback to the snapshot taken before a reset', () => {
  it('puts the progress back on every device', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'reset-rollback');
    await sync(laptop, 'reset-rollback');
    const reviewed = await stateOf(laptop, 'rag.a');
    await resetCards(phone.db, ['rag.a'], T0 + DAY);
    await sync(phone, 'reset-rollback', { now: T0 + DAY + 1000 });
    await sync(laptop, 'reset-rollback', { now: T0 + DAY + 2000 });
    expect(await stateOf(laptop, 'rag.a')).toMatchObject({ reps: 0 });
    await rollBack(phone.db, T0 + DAY + 3000);
    expect(await stateOf(phone, 'rag.a')).toEqual(reviewed);
    await sync(phone, 'reset-rollback', { now: T0 + DAY + 4000 });
    await sync(laptop, 'reset-rollback', { now: T0 + DAY + 5000 });
    expect(await stateOf(laptop, 'rag.a')).toEqual(reviewed);
    expect(await stateOf(phone, 'rag.a')).toEqual(reviewed);
  });
});

/** Undoes the device's latest review of `cardId`, as the review screen's undo does. */
async function undoLast(d: Device, cardId: string) {
  const logs = await d.db.logs.where('cardId').equals(cardId).sortBy('review');
  const previous = replayCard(newState(cardId, 'rag', 0), logs.slice(0, -1), testScheduler);
  await undoReview(d.db, previous, logs.at(-1)!.id);
  return logs.at(-1)!;
}

/** A restore of a backup that holds what the device has now (a wholesale change, `*`). */
async function restoreSame(d: Device) {
  const logs = await d.db.logs.toArray();
  await d.db.transaction('rw', d.db.logs, async () => {
    declareBulk('*');
    await d.db.logs.bulkPut(logs);
  });
}

describe('a review undone after a restore, before the next complete sync', () => {
  it('is undone on every device', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'restore-undo');
    await sync(laptop, 'restore-undo');
    await restoreSame(phone);
    const undone = await undoLast(phone, 'rag.a');
    await sync(phone, 'restore-undo');
    await sync(laptop, 'restore-undo');
    for (const d of [phone, laptop]) {
      expect(await d.db.logs.get(undone.id)).toBeUndefined();
      expect(await stateOf(d, 'rag.a')).toMatchObject({ reps: 0, lastReview: null });
    }
  });

  it('is undone on every device when the sync after the restore stopped halfway', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    await rate(phone, 'rag.b', 3, T0 + DAY);
    await sync(phone, 'restore-cut');
    await sync(laptop, 'restore-cut');
    await restoreSame(phone);
    const offline: typeof fetch = async (input, init) => {
      if (String(input).includes('/_changes')) throw new TypeError('network error');
      return fetch(input, init);
    };
    await expect(sync(phone, 'restore-cut', { fetchImpl: offline })).rejects.toThrow();
    const undone = await undoLast(phone, 'rag.b');
    await sync(phone, 'restore-cut');
    await sync(laptop, 'restore-cut');
    for (const d of [phone, laptop]) {
      expect(await d.db.logs.get(undone.id)).toBeUndefined();
      expect(await d.db.logs.count()).toBe(1);
      expect(await stateOf(d, 'rag.b')).toMatchObject({ reps: 0 });
    }
  });
});
