// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import { replayCard } from '../../domain/sync/replay';
import { declareBulk } from '../../storage/changeSequence';
import { fromRow } from '../../storage/db';
import { undoReview } from '../../storage/reviews';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { DAY, device, rate, syncer, T0, testScheduler, type Device } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

const stateOf = async (d: Device, cardId: string) => fromRow((await d.db.states.get(cardId))!);

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
