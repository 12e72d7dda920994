import { describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { replayCard } from '../../domain/sync/replay';
import { fromRow, type AppDb } from '../db';
import { syncDecks } from '../deckSync';
import { recordReview } from '../reviews';
import { freshDb, testCard, testDeckFile } from '../testing';
import { monthOf } from '../derived/keys';
import { unpackLogs } from '../logBlocks/packLogs';
import { refreshLogBlocks } from '../logBlocks/refreshLogBlocks';
import { applyReviews } from './applyReviews';
import { EXPAND_CHUNK, expandPulled } from './expandPulled';
import { loadPulled, pulledLeft } from './pulledState';
import { settlePulled } from './settlePulled';
import { pendingReplay, STORE_CHUNK, storePulled, type PulledBatch } from './storePulled';
import { dailyReviews, DAY, T0, testScheduler } from './pulledTesting';

const scheduler = testScheduler(true);
const schedulerFor = () => scheduler;

const reviews = (cardId: string, n: number, from: number, prefix: string) =>
  dailyReviews(scheduler, cardId, n, from, prefix);

/** Reviews as batches of `size`, dealt out round robin (a batch spans the whole history). */
const batches = (logs: readonly ReviewLog[], size: number, prefix = 'reviews:laptop:'): PulledBatch[] =>
  Array.from({ length: Math.ceil(logs.length / size) }, (_, k) => ({
    key: `${prefix}${String(k).padStart(10, '0')}`,
    reviews: logs.filter((_, i) => i % Math.ceil(logs.length / size) === k),
  }));

async function seeded(keys = ['a', 'b']) {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      keys.map((k) => testCard('rag', k)),
    ),
  ]);
  return db;
}

const reviewCount = async (db: AppDb) => (await db.days.toArray()).reduce((n, d) => n + d.count, 0);
const state = async (db: AppDb, cardId: string) => fromRow((await db.states.get(cardId))!);
const contents = async (db: AppDb) => ({
  logs: await db.logs.orderBy('id').toArray(),
  days: await db.days.toArray(),
  states: (await db.states.toArray()).map(fromRow),
});

describe('a large pulled page', () => {
  it('is stored as blocks, counted and replayed at the end of the pull, and written into logs afterwards', async () => {
    const db = await seeded();
    const page = reviews('rag.a', 5, T0, 'p');
    expect(await storePulled(db, batches(page, 2))).toMatchObject({ added: 5, removed: 0 });
    // Stored again (its position lost after it was stored): nothing is added twice.
    expect(await storePulled(db, batches(page, 2))).toMatchObject({ added: 0, removed: 0 });
    expect(await db.logs.count()).toBe(0);
    expect(await db.pulledBlocks.count()).toBe(3);
    expect(await pulledLeft(db)).toBe(5);
    expect(await reviewCount(db)).toBe(0);
    expect(await settlePulled(db, schedulerFor)).toEqual(['rag.a']);
    expect(await reviewCount(db)).toBe(5);
    const replayed = replayCard(newState('rag.a', 'rag', 0), page, scheduler);
    expect(await state(db, 'rag.a')).toEqual(replayed);
    // Settled twice: nothing counted twice.
    expect(await settlePulled(db, schedulerFor)).toEqual([]);
    await expandPulled(db);
    expect(await db.pulledBlocks.count()).toBe(0);
    expect(await db.logs.orderBy('review').toArray()).toEqual(page);
    expect(await reviewCount(db)).toBe(5);
    expect(await state(db, 'rag.a')).toEqual(replayed);
    expect(await loadPulled(db)).toEqual({ blocks: {}, undone: [] });
  });

  it('leaves the states as they were until the end of the pull, which counts a review made here meanwhile in time order', async () => {
    const db = await seeded();
    const pulled = reviews('rag.a', 4, T0, 'p');
    const before = await state(db, 'rag.a');
    await storePulled(db, batches(pulled, 4));
    expect(await state(db, 'rag.a')).toEqual(before);
    // The card reviewed here while it waits, from the state it still has, a day after the last pulled.
    const { next, log } = scheduler.answer(before, 1, T0 + 4 * DAY, 2000, 'here');
    await recordReview(db, next, log, before);
    expect(await settlePulled(db, schedulerFor)).toEqual(['rag.a']);
    expect(await state(db, 'rag.a')).toEqual(
      replayCard(newState('rag.a', 'rag', 0), [...pulled, log], scheduler),
    );
    expect(await state(db, 'rag.a')).toMatchObject({ reps: 5, lapses: 1 });
    expect(await reviewCount(db)).toBe(5);
  });

  it('waits to count and replay while cards are being rated (sync’s pause)', async () => {
    const db = await seeded();
    const before = await state(db, 'rag.a');
    await storePulled(db, batches(reviews('rag.a', 3, T0, 'w'), 3));
    let resume = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const settling = settlePulled(db, schedulerFor, { pause: () => paused });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await state(db, 'rag.a')).toEqual(before);
    expect(await reviewCount(db)).toBe(0);
    resume();
    expect(await settling).toEqual(['rag.a']);
    expect((await state(db, 'rag.a')).reps).toBe(3);
  });

  it('takes out a review undone elsewhere after its block was stored: never written, out of the rollups, its card new again', async () => {
    const db = await seeded();
    const untouched = await state(db, 'rag.b');
    const [only] = reviews('rag.b', 1, T0, 'u');
    const kept = reviews('rag.a', 2, T0, 'k');
    await storePulled(db, [{ key: 'reviews:laptop:0000000001', reviews: [only!, ...kept] }]);
    await settlePulled(db, schedulerFor);
    expect((await state(db, 'rag.b')).reps).toBe(1);
    expect(await reviewCount(db)).toBe(3);
    // The next page brings the undo record (and another batch).
    const more = reviews('rag.a', 2, T0 + 10 * DAY, 'm');
    await storePulled(db, [{ key: 'reviews:laptop:0000000002', reviews: more }], new Set([only!.id]));
    await settlePulled(db, schedulerFor);
    await expandPulled(db);
    expect((await db.logs.toCollection().primaryKeys()).sort()).toEqual(
      [...kept, ...more].map((l) => l.id).sort(),
    );
    expect(await reviewCount(db)).toBe(4);
    expect(await state(db, 'rag.b')).toEqual(untouched);
  });

  it('cut between its blocks and stored again, ends with the reviews, rollups and states of a clean pull', async () => {
    const page = [...reviews('rag.a', 700, T0, 'a'), ...reviews('rag.b', 300, T0, 'b')];
    const clean = await seeded();
    await storePulled(clean, batches(page, 100));
    await settlePulled(clean, schedulerFor);
    await expandPulled(clean);

    const cut = await seeded();
    const stopped = new Error('tab closed');
    let steps = 0;
    const closing = () => (++steps === 4 ? Promise.reject(stopped) : Promise.resolve());
    await expect(storePulled(cut, batches(page, 100), new Set(), { pause: closing })).rejects.toBe(stopped);
    expect(await pulledLeft(cut)).toBe(400);
    await storePulled(cut, batches(page, 100));
    await settlePulled(cut, schedulerFor);
    expect(await reviewCount(cut)).toBe(page.length);
    await expandPulled(cut);
    expect(await contents(cut)).toEqual(await contents(clean));
    expect((await contents(clean)).logs).toHaveLength(page.length);
  });

  it('written into logs, cut midway, resumes where it stopped: every review once, the rollups unchanged', async () => {
    const db = await seeded();
    const page = reviews('rag.a', 2 * EXPAND_CHUNK + 10, T0, 'x');
    // One of them is here already (this device's own batch pulled again after a restore).
    await db.logs.add(page[5]!);
    await db.days.put({ deckId: 'rag', day: 0, count: 1, timeMs: 0, fresh: 0, mature: 0, maturePass: 0 });
    await storePulled(db, batches(page, page.length));
    await settlePulled(db, schedulerFor);
    const stopped = new Error('tab closed');
    let steps = 0;
    const closing = () => (++steps === 2 ? Promise.reject(stopped) : Promise.resolve());
    await expect(expandPulled(db, { pause: closing })).rejects.toBe(stopped);
    expect(await pulledLeft(db)).toBe(page.length - EXPAND_CHUNK);
    expect(await db.logs.count()).toBe(EXPAND_CHUNK);
    const left: number[] = [];
    await expandPulled(db, { onProgress: (n) => left.push(n) });
    expect(left).toEqual([page.length - EXPAND_CHUNK, 10, 0]);
    expect((await db.logs.orderBy('review').toArray()).map((l) => l.id)).toEqual(page.map((l) => l.id));
    // The review that was here counts once (the rollup row of day 0 stands for it).
    expect(await reviewCount(db)).toBe(page.length + 1 - 1);
  });

  it('makes a day’s page applied meanwhile replay its cards once the blocks are written', async () => {
    const db = await seeded();
    const history = reviews('rag.a', 6, T0, 'h');
    await storePulled(db, batches(history.slice(0, 5), 5));
    await settlePulled(db, schedulerFor);
    // The day's review of rag.a arrives before the blocks are written: its card keeps its state.
    const stateBefore = await state(db, 'rag.a');
    expect((await applyReviews(db, [history[5]!], schedulerFor)).cardIds).toEqual([]);
    expect(await state(db, 'rag.a')).toEqual(stateBefore);
    expect(await pendingReplay(db)).toEqual(['rag.a']);
    // The pull's end leaves it to the replay after the blocks are written.
    expect(await settlePulled(db, schedulerFor, { leaveWaiting: true })).toEqual([]);
    expect(await state(db, 'rag.a')).toEqual(stateBefore);
    await expandPulled(db);
    expect(await settlePulled(db, schedulerFor)).toEqual(['rag.a']);
    expect(await state(db, 'rag.a')).toEqual(replayCard(newState('rag.a', 'rag', 0), history, scheduler));
    expect(await reviewCount(db)).toBe(6);
    expect(await pendingReplay(db)).toEqual([]);
  });

  it('replays a day’s cards spread over a role from all their rows once the blocks are written', async () => {
    const db = await seeded(['a', 'b', 'c', 'd', 'e']);
    const [a, e] = [reviews('rag.a', 4, T0, 'a'), reviews('rag.e', 3, T0, 'e')];
    const others = ['b', 'c', 'd'].flatMap((k) => reviews(`rag.${k}`, 2, T0, k));
    await storePulled(db, batches([...a.slice(0, 3), ...e.slice(0, 2), ...others], 4));
    await settlePulled(db, schedulerFor);
    await applyReviews(db, [a[3]!, e[2]!], schedulerFor);
    await expandPulled(db);
    expect((await settlePulled(db, schedulerFor)).sort()).toEqual(['rag.a', 'rag.e']);
    expect(await state(db, 'rag.a')).toEqual(replayCard(newState('rag.a', 'rag', 0), a, scheduler));
    expect(await state(db, 'rag.e')).toEqual(replayCard(newState('rag.e', 'rag', 4), e, scheduler));
  });

  it('takes out thousands of reviews undone elsewhere a transaction of STORE_CHUNK at a time, waiting between them', async () => {
    const db = await seeded();
    const stored = reviews('rag.a', STORE_CHUNK + 500, T0, 'gone');
    await storePulled(db, batches(stored, 5_000));
    await settlePulled(db, schedulerFor);
    await expandPulled(db);
    let [resume, waiting] = [() => {}, () => {}];
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const waited = new Promise<void>((resolve) => (waiting = resolve));
    const parts: number[] = [];
    const removing = storePulled(db, [], new Set(stored.map((l) => l.id)), {
      pause: () => (waiting(), paused),
      onStored: (part) => void parts.push(part.removed),
    });
    await waited;
    expect(parts).toEqual([STORE_CHUNK]);
    expect(await db.logs.count()).toBe(500);
    resume();
    expect(await removing).toMatchObject({ added: 0, removed: stored.length });
    expect(parts).toEqual([STORE_CHUNK, 500]);
    expect(await reviewCount(db)).toBe(0);
    await settlePulled(db, schedulerFor);
    expect(await state(db, 'rag.a')).toMatchObject({ reps: 0, lastReview: null });
  });

  it('writes its rows in transactions the change log lists by deck-month, from which the log blocks are built', async () => {
    const db = await seeded();
    await refreshLogBlocks(db);
    const page = reviews('rag.a', 40, T0, 'm');
    await storePulled(db, batches(page, 20));
    await settlePulled(db, schedulerFor);
    const before = await db.changeLog.count();
    await expandPulled(db);
    const rows = (await db.changeLog.toArray()).slice(before);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ pulled: true, changes: [] });
    const months = new Set(rows.flatMap((r) => r.pulledMonths!.map(([d, m]) => `${d} ${m}`)));
    expect(months).toEqual(new Set(page.map((l) => `rag ${monthOf(l.review)}`)));
    await refreshLogBlocks(db);
    const blocked = (await db.logBlocks.toArray()).flatMap(unpackLogs);
    expect(blocked.map((l) => l.id).sort()).toEqual(page.map((l) => l.id).sort());
  });
});
