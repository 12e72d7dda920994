// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newState, type Answered } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { reviewBatches } from '../../domain/sync/reviewBatch';
import { replayCard } from '../../domain/sync/replay';
import { fromRow, type AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { expandPulled } from '../../storage/sync/expandPulled';
import { pulledLeft } from '../../storage/sync/pulledState';
import { pendingReplay } from '../../storage/sync/storePulled';
import { openSyncDb } from '../../storage/sync/syncDb';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import { startCouchTestServer, type CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { couchDatabase } from './couch';
import { runSync, type SyncRun } from './engine';
import { DAY, testScheduler, T0 } from './syncTesting';

let server: CouchTestServer;
beforeAll(async () => {
  server = await startCouchTestServer();
});
afterAll(() => server.close());

const CARDS = 30;
const BATCHES = 40;
const PER_BATCH = 60;
const cardIds = Array.from({ length: CARDS }, (_, i) => `rag.c${String(i).padStart(2, '0')}`);

/**
 * Another device's history of 2,400 reviews (80 per card) on the server, in 40 batches dealt out
 * round robin, so that each of the feed's two pages (20 batches each) holds half of every card's
 * reviews, out of time order.
 */
async function history(database: string, perBatch = PER_BATCH): Promise<ReviewLog[]> {
  const logs: ReviewLog[] = [];
  for (const [c, cardId] of cardIds.entries()) {
    let state = newState(cardId, 'rag', c);
    for (let j = 0; j < (BATCHES * perBatch) / CARDS; j++) {
      const at = T0 + j * DAY + c * 60_000;
      const answered: Answered = testScheduler.answer(state, j % 7 === 3 ? 1 : 3, at, 3000, `r-${c}-${j}`);
      logs.push(answered.log);
      state = answered.next;
    }
  }
  const remote = couchDatabase({
    url: `${server.url}/${database}`,
    user: server.user,
    password: server.password,
  });
  await remote.ensure();
  for (let k = 0; k < BATCHES; k++)
    await remote.create(
      reviewBatches(
        'laptop',
        k,
        logs.filter((_, i) => i % BATCHES === k),
      )[0]!,
    );
  return logs;
}

/** A second device with the same role and no reviews. */
async function phone() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      cardIds.map((id) => testCard('rag', id.slice(4))),
    ),
  ]);
  return { db, sync: openSyncDb(`first-pull-${database()}`) };
}

let count = 0;
const database = () => `first-pull-${++count}`;

function syncWith(
  d: Awaited<ReturnType<typeof phone>>,
  name: string,
  fetchImpl: typeof fetch = fetch,
  more: Pick<SyncRun, 'onProgress' | 'pause'> = {},
) {
  let answers = 0;
  const counting = Object.create(testScheduler) as typeof testScheduler;
  counting.answer = (...args) => {
    answers++;
    return testScheduler.answer(...args);
  };
  const remote = couchDatabase(
    { url: `${server.url}/${name}`, user: server.user, password: server.password },
    fetchImpl,
  );
  const run = runSync({
    db: d.db,
    sync: d.sync,
    remote,
    schedulerFor: () => counting,
    now: () => T0 + 400 * DAY,
    ...more,
  });
  return run.then((counts) => ({ counts, answers }));
}

const rolledUp = async (db: AppDb) => (await db.days.toArray()).reduce((n, d) => n + d.count, 0);

/**
 * The cards' states and the rollups are complete when the pull ends; the reviews are in blocks
 * until they are written into `logs` (expandPulled), which leaves the rollups as they are.
 */
async function expectReplayed(db: AppDb, logs: readonly ReviewLog[]) {
  for (const [c, cardId] of cardIds.entries()) {
    const state = fromRow((await db.states.get(cardId))!);
    const own = logs.filter((l) => l.cardId === cardId);
    expect(state).toEqual(replayCard(newState(cardId, 'rag', c), own, testScheduler));
  }
  expect(await rolledUp(db)).toBe(logs.length);
  expect((await db.logs.count()) + (await pulledLeft(db))).toBe(logs.length);
  await expandPulled(db);
  expect(await pulledLeft(db)).toBe(0);
  expect(await db.pulledBlocks.count()).toBe(0);
  expect((await db.logs.orderBy('id').primaryKeys()).sort()).toEqual(logs.map((l) => l.id).sort());
  expect(await rolledUp(db)).toBe(logs.length);
}

describe('a first pull of a long history', () => {
  it('replays each card once, from all its reviews in time order, after the last page', async () => {
    const name = database();
    const logs = await history(name);
    const device = await phone();
    const { counts, answers } = await syncWith(device, name);
    expect(counts.pulled).toBe(logs.length);
    await expectReplayed(device.db, logs);
    // Each review went through the scheduler once: not a card's whole history again on each page.
    expect(answers).toBe(logs.length);
    expect(await pendingReplay(device.db)).toEqual([]);
  });

  it('stopped after a page, ends with the same states, reviews and rollups once the next sync completes', async () => {
    const name = database();
    const logs = await history(name);
    const device = await phone();
    let docsAsked = 0;
    const failing: typeof fetch = async (input, init) => {
      if (String(input).includes('/_all_docs') && ++docsAsked === 2) throw new TypeError('network down');
      return fetch(input, init);
    };
    await expect(syncWith(device, name, failing)).rejects.toThrow();
    // The first page is stored as blocks, not counted in the rollups nor replayed yet, and not
    // written into `logs` before it is.
    expect(await pulledLeft(device.db)).toBe(logs.length / 2);
    expect(await rolledUp(device.db)).toBe(0);
    await expandPulled(device.db);
    expect(await device.db.logs.count()).toBe(0);
    const { counts } = await syncWith(device, name);
    expect(counts.pulled).toBe(logs.length / 2);
    await expectReplayed(device.db, logs);
    expect(await pendingReplay(device.db)).toEqual([]);
  });

  it('reports how many cards have their state while it replays them, after the reviews are stored', async () => {
    const name = database();
    const logs = await history(name);
    const device = await phone();
    const reports: Parameters<NonNullable<SyncRun['onProgress']>>[0][] = [];
    await syncWith(device, name, fetch, { onProgress: (report) => reports.push(report) });
    const replay = reports.filter((r) => r.phase === 'replay');
    expect(replay).toEqual([
      { pushed: 0, pulled: logs.length, phase: 'replay', replayed: 0, toReplay: CARDS },
      { pushed: 0, pulled: logs.length, phase: 'replay', replayed: CARDS, toReplay: CARDS },
    ]);
    // Every review was stored before the first card was replayed.
    expect(reports.findIndex((r) => r.phase === 'replay')).toBeGreaterThan(
      reports.findLastIndex((r) => r.phase === 'pull' && r.pulled < logs.length),
    );
  });

  it('cut between the transactions of a page, pushes none of what it stored back to the server, nor the rows written afterwards', async () => {
    const name = database();
    const device = await phone();
    // A device that synced before (its push has a starting point) meets a long history.
    await syncWith(device, name);
    const logs = await history(name, 2 * PER_BATCH);
    const stopped = new Error('tab closed');
    const cutOnceStored = async () => {
      if ((await pulledLeft(device.db)) > 0) throw stopped;
    };
    await expect(syncWith(device, name, fetch, { pause: cutOnceStored })).rejects.toBe(stopped);
    // One batch of the first page (2,400 reviews) is stored.
    expect(await pulledLeft(device.db)).toBe(2 * PER_BATCH);
    const { counts } = await syncWith(device, name);
    expect(counts).toEqual({ pushed: 0, pulled: logs.length - 2 * PER_BATCH });
    await expectReplayed(device.db, logs);
    // Its rows are in `logs` now, written by transactions of their own: the next sync sends none.
    expect((await syncWith(device, name)).counts).toEqual({ pushed: 0, pulled: 0 });
  });
});
