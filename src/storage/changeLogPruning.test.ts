import { describe, expect, it } from 'vitest';
import { newState } from '../domain/scheduling/newState';
import { Rating } from '../domain/scheduling/types';
import { testScheduler } from '../domain/scheduling/testScheduler';
import { changesSince, currentUsn } from './changeSequence';
import {
  forgetChangeConsumer,
  noteChangesCovered,
  prunableThrough,
  pruneChangeLog,
} from './changeLogPruning';
import { fromRow, toRow, type AppDb } from './db';
import { refreshLogBlocks } from './logBlocks/refreshLogBlocks';
import { recordReview } from './reviews';
import { refreshSnapshots } from './snapshots/loadSnapshots';
import { freshDb } from './testing';

const scheduler = testScheduler();
const t0 = new Date(2026, 4, 2, 9).getTime();

async function reviewed(n: number) {
  const db = freshDb();
  await db.decks.put({
    id: 'rag',
    version: 1,
    title: { en: 'R', zh: 'R' },
    description: { en: 'd', zh: 'd' },
    topics: {},
    source: 'builtin',
    hash: 'h',
    cardCount: n,
  });
  await db.states.bulkPut(Array.from({ length: n }, (_, i) => toRow(newState(`rag.c${i}`, 'rag', i))));
  for (let i = 0; i < n; i++) await review(db, `rag.c${i}`, t0 + i * 1000);
  return db;
}

async function review(db: AppDb, cardId: string, at: number) {
  const row = await db.states.get(cardId);
  const { next, log } = scheduler.answer(fromRow(row!), Rating.Good, at, 3000, `${cardId}@${at}`);
  await recordReview(db, next, log);
}

/** The idle upkeep's readers, brought up to date. */
async function caughtUp(db: AppDb) {
  await refreshSnapshots(db);
  await refreshLogBlocks(db);
}

const rows = (db: AppDb) => db.changeLog.toCollection().primaryKeys();

describe('pruning the change log', () => {
  // `reviewed(n)` writes n + 1 numbers: the states, then a review each.
  it('deletes what snapshots and log blocks have covered, keeps the last row, and numbering goes on', async () => {
    const db = await reviewed(6);
    const usn = await currentUsn(db);
    expect(await pruneChangeLog(db, { syncKnown: false })).toBe(0); // nothing covered yet
    await caughtUp(db);
    expect(await pruneChangeLog(db, { syncKnown: false })).toBe(usn - 1);
    expect(await rows(db)).toEqual([usn]);
    await review(db, 'rag.c0', t0 + 86_400_000);
    expect(await currentUsn(db)).toBe(usn + 1);
    expect((await changesSince(db, usn)).changes.map((c) => c.key)).toContain('rag.c0');
  });

  it('keeps every row above the number of the reader furthest behind', async () => {
    const db = await reviewed(6);
    await caughtUp(db);
    await noteChangesCovered(db, 'sync', 3);
    await review(db, 'rag.c1', t0 + 86_400_000); // after the snapshots' number too
    expect(await prunableThrough(db, true)).toBe(3);
    await pruneChangeLog(db, { syncKnown: true });
    expect(await rows(db)).toEqual([4, 5, 6, 7, 8]);
    await forgetChangeConsumer(db, 'sync');
    await caughtUp(db);
    await pruneChangeLog(db, { syncKnown: false });
    expect(await rows(db)).toEqual([8]);
  });

  it('prunes nothing while a sync database exists that never said what it covered', async () => {
    const db = await reviewed(4);
    await caughtUp(db);
    expect(await pruneChangeLog(db, { syncKnown: true })).toBe(0);
    expect(await rows(db)).toHaveLength(5);
  });

  it('goes in slices, at most so many a run, and the next run starts where the last stopped', async () => {
    const db = await reviewed(8);
    await caughtUp(db);
    expect(await pruneChangeLog(db, { syncKnown: false, perRun: 3 })).toBe(3);
    expect(await rows(db)).toEqual([4, 5, 6, 7, 8, 9]);
    const stop = new AbortController();
    stop.abort();
    expect(await pruneChangeLog(db, { syncKnown: false, signal: stop.signal })).toBe(0);
    expect(await pruneChangeLog(db, { syncKnown: false })).toBe(5);
    expect(await rows(db)).toEqual([9]);
  });
});
