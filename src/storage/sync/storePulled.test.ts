import { describe, expect, it } from 'vitest';
import { newState, Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { replayCard } from '../../domain/sync/replay';
import { fromRow } from '../db';
import { syncDecks } from '../deckSync';
import { recordReview } from '../reviews';
import { freshDb, testCard, testDeckFile } from '../testing';
import { replayPulled } from './replayPulled';
import { pendingReplay, STORE_CHUNK, storePulled } from './storePulled';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
});
const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;

/** `n` reviews of a card made one after another, a day apart from `from`. */
function reviews(cardId: string, n: number, from: number, prefix: string): ReviewLog[] {
  let state = newState(cardId, 'rag', 0);
  return Array.from({ length: n }, (_, i) => {
    const { next, log } = scheduler.answer(state, 3, from + i * DAY, 2000, `${prefix}${i}`);
    state = next;
    return log;
  });
}

async function seeded() {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['a', 'b'].map((k) => testCard('rag', k)),
    ),
  ]);
  return db;
}

const reviewCount = async (db: Awaited<ReturnType<typeof seeded>>) =>
  (await db.days.toArray()).reduce((n, d) => n + d.count, 0);

describe('a large pulled page', () => {
  it('stored twice (its position lost after it was stored) adds nothing the second time', async () => {
    const db = await seeded();
    const page = reviews('rag.a', 5, T0, 'p');
    expect(await storePulled(db, page)).toMatchObject({ added: 5, removed: 0 });
    expect(await storePulled(db, page)).toMatchObject({ added: 0, removed: 0 });
    expect(await db.logs.count()).toBe(5);
    expect(await reviewCount(db)).toBe(5);
    await replayPulled(db, () => scheduler);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(
      replayCard(newState('rag.a', 'rag', 0), page, scheduler),
    );
  });

  it('leaves the states as they were until the replay, which counts a review made here meanwhile in time order', async () => {
    const db = await seeded();
    const pulled = reviews('rag.a', 4, T0, 'p');
    const before = fromRow((await db.states.get('rag.a'))!);
    await storePulled(db, pulled);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(before);
    expect(await pendingReplay(db)).toEqual(['rag.a']);
    // The card reviewed here while it waits, from the state it still has, a day after the last pulled.
    const { next, log } = scheduler.answer(before, 1, T0 + 4 * DAY, 2000, 'here');
    await recordReview(db, next, log, before);
    expect(await replayPulled(db, () => scheduler)).toEqual(['rag.a']);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(
      replayCard(newState('rag.a', 'rag', 0), [...pulled, log], scheduler),
    );
    expect(fromRow((await db.states.get('rag.a'))!)).toMatchObject({ reps: 5, lapses: 1 });
    expect(await pendingReplay(db)).toEqual([]);
    expect(await replayPulled(db, () => scheduler)).toEqual([]);
  });

  it('waits to replay while cards are being rated (sync’s pause)', async () => {
    const db = await seeded();
    const before = fromRow((await db.states.get('rag.a'))!);
    await storePulled(db, reviews('rag.a', 3, T0, 'w'));
    let resume = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const replay = replayPulled(
      db,
      () => scheduler,
      () => paused,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(before);
    resume();
    expect(await replay).toEqual(['rag.a']);
    expect(fromRow((await db.states.get('rag.a'))!).reps).toBe(3);
  });

  it('takes out a review undone on another device, and its card is new again where it was', async () => {
    const db = await seeded();
    const untouched = fromRow((await db.states.get('rag.b'))!);
    const [only] = reviews('rag.b', 1, T0, 'u');
    await storePulled(db, [only!]);
    await replayPulled(db, () => scheduler);
    expect(fromRow((await db.states.get('rag.b'))!).reps).toBe(1);
    expect(await storePulled(db, [], new Set([only!.id]))).toMatchObject({ added: 0, removed: 1 });
    await replayPulled(db, () => scheduler);
    expect(await db.logs.count()).toBe(0);
    expect(await reviewCount(db)).toBe(0);
    expect(fromRow((await db.states.get('rag.b'))!)).toEqual(untouched);
  });

  it('takes out thousands of reviews undone elsewhere a transaction of STORE_CHUNK at a time, waiting between them', async () => {
    const db = await seeded();
    const stored = reviews('rag.a', STORE_CHUNK + 500, T0, 'gone');
    await storePulled(db, stored);
    await replayPulled(db, () => scheduler);
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
    await replayPulled(db, () => scheduler);
    expect(fromRow((await db.states.get('rag.a'))!)).toMatchObject({ reps: 0, lastReview: null });
  });

  describe('of more than one transaction', () => {
    /** Both cards reviewed, and rag.b's review `old` (stored and replayed here) undone elsewhere. */
    async function withPage() {
      const db = await seeded();
      const [old] = reviews('rag.b', 1, T0 - DAY, 'old');
      await storePulled(db, [old!]);
      await replayPulled(db, () => scheduler);
      const page = [
        ...reviews('rag.a', STORE_CHUNK + 500, T0, 'a'),
        ...reviews('rag.b', STORE_CHUNK / 2, T0, 'b'),
      ];
      return { db, page, undone: new Set([old!.id]) };
    }
    const contents = async (db: Awaited<ReturnType<typeof seeded>>) => ({
      logs: await db.logs.orderBy('id').toArray(),
      days: await db.days.toArray(),
      states: (await db.states.toArray()).map(fromRow),
    });

    it('cut after its first transaction and stored again, ends with the reviews, rollups and states of a clean pull', async () => {
      const clean = await withPage();
      await storePulled(clean.db, clean.page, clean.undone);
      await replayPulled(clean.db, () => scheduler);

      const cut = await withPage();
      const stopped = new Error('tab closed');
      await expect(
        storePulled(cut.db, cut.page, cut.undone, { pause: () => Promise.reject(stopped) }),
      ).rejects.toBe(stopped);
      // The first transaction is stored whole: its reviews, counted once, and the undone one gone.
      expect(await cut.db.logs.count()).toBe(STORE_CHUNK);
      expect(await reviewCount(cut.db)).toBe(STORE_CHUNK);
      expect(await storePulled(cut.db, cut.page, cut.undone)).toMatchObject({
        added: cut.page.length - STORE_CHUNK,
        removed: 0,
      });
      await replayPulled(cut.db, () => scheduler);

      const expected = await contents(clean.db);
      expect(expected.logs).toHaveLength(clean.page.length);
      expect(await reviewCount(clean.db)).toBe(clean.page.length);
      expect(await contents(cut.db)).toEqual(expected);
      expect(fromRow((await cut.db.states.get('rag.b'))!)).toEqual(
        replayCard(newState('rag.b', 'rag', 1), cut.page.slice(STORE_CHUNK + 500), scheduler),
      );
    });

    it('waits between its transactions while cards are being rated (sync’s pause)', async () => {
      const { db, page, undone } = await withPage();
      let resume = () => {};
      const paused = new Promise<void>((resolve) => (resume = resolve));
      const parts: number[] = [];
      const storing = storePulled(db, page, undone, {
        pause: () => paused,
        onStored: (part) => void parts.push(part.added),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await db.logs.count()).toBe(STORE_CHUNK);
      expect(parts).toEqual([STORE_CHUNK]);
      resume();
      expect(await storing).toMatchObject({ added: page.length, removed: 1 });
      expect(parts).toEqual([STORE_CHUNK, page.length - STORE_CHUNK]);
    });
  });
});
