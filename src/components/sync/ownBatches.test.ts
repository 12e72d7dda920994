// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareBulk } from '../../storage/changeSequence';
import { forgetSetup, loadProgress } from '../../storage/sync/syncDb';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { device, HOUR, rate, syncer, T0 } from './syncTesting';

let server: CouchTestServer;
let sync: ReturnType<typeof syncer>;
beforeAll(async () => {
  server = await startCouchTestServer();
  sync = syncer(server);
});
afterAll(() => server.close());

/** A fetch that records the ids of the documents the device asks for (the pull's `_all_docs`). */
function recording() {
  const asked: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input).includes('/_all_docs') && init?.body)
      asked.push(...(JSON.parse(String(init.body)) as { keys: string[] }).keys);
    return fetch(input, init);
  };
  return { asked, fetchImpl };
}

const batchesOf = async (deviceOf: { sync: Parameters<typeof loadProgress>[0] }, asked: string[]) => {
  const { deviceId } = await loadProgress(deviceOf.sync);
  return asked.filter((id) => id.startsWith(`reviews:${deviceId}:`));
};

describe('a device’s own review batches', () => {
  it('are not downloaded again by its next sync, while another device’s batch among them is applied', async () => {
    const [phone, laptop] = [await device(), await device()];
    await rate(phone, 'rag.a', 3, T0);
    // The phone's first sync pulls (nothing yet), then pushes: its pull position is before its batch.
    await sync(phone, 'own');
    await rate(laptop, 'rag.b', 3, T0 + HOUR);
    await sync(laptop, 'own');
    await rate(phone, 'rag.c', 3, T0 + 2 * HOUR);
    // The feed now holds the phone's batch, the laptop's, then the phone's second.
    const { asked, fetchImpl } = recording();
    expect(await sync(phone, 'own', { fetchImpl })).toEqual({ pushed: 1, pulled: 1 });
    expect(await batchesOf(phone, asked)).toEqual([]);
    expect(await batchesOf(laptop, asked)).toHaveLength(1);
    expect((await phone.db.logs.toArray()).map((l) => l.cardId).sort()).toEqual(['rag.a', 'rag.b', 'rag.c']);
    expect(await phone.db.states.get('rag.b')).toMatchObject({ reps: 1, lastReview: T0 + HOUR });
    expect(await sync(laptop, 'own')).toEqual({ pushed: 0, pulled: 1 });
  });

  it('are downloaded again after a restore, which may have lost reviews they hold', async () => {
    const phone = await device();
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'own-restore');
    const lost = (await phone.db.logs.toArray())[0]!;
    // A restore of a backup taken before that review (as restore writes: declared wholesale).
    await phone.db.transaction('rw', phone.db.logs, async () => {
      declareBulk('*');
      await phone.db.logs.delete(lost.id);
    });
    const { asked, fetchImpl } = recording();
    expect(await sync(phone, 'own-restore', { fetchImpl })).toMatchObject({ pushed: 0, pulled: 1 });
    expect(await batchesOf(phone, asked)).toHaveLength(1);
    expect(await phone.db.logs.get(lost.id)).toEqual(lost);
  });

  it('are downloaded again once the setup was forgotten, and what they hold is not pushed twice', async () => {
    const phone = await device();
    await rate(phone, 'rag.a', 3, T0);
    await sync(phone, 'own-forget');
    await forgetSetup(phone.sync);
    const { asked, fetchImpl } = recording();
    expect(await sync(phone, 'own-forget', { fetchImpl })).toEqual({ pushed: 0, pulled: 0 });
    expect(await batchesOf(phone, asked)).toHaveLength(1);
    await rate(phone, 'rag.b', 3, T0 + HOUR);
    expect(await sync(phone, 'own-forget')).toEqual({ pushed: 1, pulled: 0 });
  });
});
