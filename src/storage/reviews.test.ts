import { describe, expect, it } from 'vitest';
import { Scheduler, newState } from '../domain/scheduling/scheduler';
import { Rating } from '../domain/scheduling/types';
import { rollupsFromLogs } from '../domain/stats/dayRollup';
import { fromRow, toRow } from './db';
import { CardChangedError, recordReview, undoReview } from './reviews';
import { freshDb } from './testing';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36500,
});
const now = new Date(2026, 4, 2, 9).getTime();

async function seeded() {
  const db = freshDb();
  const initial = newState('rag.a', 'rag', 0);
  await db.states.put(toRow(initial));
  return { db, initial };
}

describe('recordReview', () => {
  it('writes the new state and the log together', async () => {
    const { db, initial } = await seeded();
    const { next, log } = scheduler.answer(initial, Rating.Good, now, 3000, 'l1');
    await recordReview(db, next, log);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(next);
    expect(await db.logs.get('l1')).toEqual(log);
  });

  it('leaves the state untouched when the log cannot be written', async () => {
    const { db, initial } = await seeded();
    const first = scheduler.answer(initial, Rating.Good, now, 3000, 'same-id');
    await recordReview(db, first.next, first.log);
    const second = scheduler.answer(first.next, Rating.Good, now + 600_000, 3000, 'same-id');
    await expect(recordReview(db, second.next, second.log)).rejects.toThrow();
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(first.next);
    expect(await db.logs.count()).toBe(1);
  });
});

describe('two tabs rating the same card', () => {
  it('writes a review only over the state it was computed from; the second tab is refused and writes nothing', async () => {
    const { db, initial } = await seeded();
    const tabA = scheduler.answer(initial, Rating.Good, now, 1, 'a');
    const tabB = scheduler.answer(initial, Rating.Again, now + 1000, 1, 'b');
    await recordReview(db, tabA.next, tabA.log, initial);
    await expect(recordReview(db, tabB.next, tabB.log, initial)).rejects.toBeInstanceOf(CardChangedError);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(tabA.next);
    expect((await db.logs.toArray()).map((l) => l.id)).toEqual(['a']);
    expect((await db.days.toArray()).map((d) => d.count)).toEqual([1]);
  });

  it('refuses to undo a review when the card was reviewed again since', async () => {
    const { db, initial } = await seeded();
    const a = scheduler.answer(initial, Rating.Good, now, 1, 'a');
    await recordReview(db, a.next, a.log, initial);
    const b = scheduler.answer(a.next, Rating.Good, now + 600_000, 1, 'b');
    await recordReview(db, b.next, b.log, a.next);
    await expect(undoReview(db, initial, 'a', a.next)).rejects.toBeInstanceOf(CardChangedError);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(b.next);
    expect(await db.logs.count()).toBe(2);
  });
});

describe('undoReview', () => {
  it('restores the state before the review and removes its log, several steps back', async () => {
    const { db, initial } = await seeded();
    const a = scheduler.answer(initial, Rating.Good, now, 1, 'l1');
    await recordReview(db, a.next, a.log);
    const b = scheduler.answer(a.next, Rating.Again, now + 600_000, 1, 'l2');
    await recordReview(db, b.next, b.log);

    await undoReview(db, a.next, 'l2');
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(a.next);
    await undoReview(db, initial, 'l1');
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(initial);
    expect(await db.logs.count()).toBe(0);
  });

  it('refuses to undo a review that is not in the history, changing nothing', async () => {
    const { db, initial } = await seeded();
    const a = scheduler.answer(initial, Rating.Good, now, 1, 'l1');
    await recordReview(db, a.next, a.log);
    await expect(undoReview(db, initial, 'missing')).rejects.toThrow(/not in the history/);
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(a.next);
  });
});

describe('day rollups', () => {
  it('follow every review and undo inside the same transactions', async () => {
    const { db, initial } = await seeded();
    const a = scheduler.answer(initial, Rating.Good, now, 1500, 'l1');
    await recordReview(db, a.next, a.log);
    const b = scheduler.answer(a.next, Rating.Good, now + 600_000, 2500, 'l2');
    await recordReview(db, b.next, b.log);
    const matches = async () =>
      expect(await db.days.toArray()).toEqual(rollupsFromLogs(await db.logs.toArray(), 4));
    await matches();
    expect((await db.days.toArray())[0]).toMatchObject({ count: 2, timeMs: 4000, fresh: 1 });
    await undoReview(db, a.next, 'l2');
    await matches();
    expect((await db.days.toArray())[0]).toMatchObject({ count: 1, timeMs: 1500 });
  });
});
