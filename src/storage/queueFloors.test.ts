import { describe, expect, it } from 'vitest';
import { newState } from '../domain/scheduling/newState';
import { testScheduler } from '../domain/scheduling/testScheduler';
import { CardState, Rating, type SchedState } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { fromRow, toRow, type AppDb } from './db';
import { syncDecks } from './deckSync';
import { loadRoleQueueInput } from './queues';
import { recordReview, undoReview } from './reviews';
import { freshDb, testCard, testDeckFile } from './testing';

const scheduler = testScheduler();
const day = 86_400_000;
const now = new Date(2026, 5, 1, 10).getTime();
const deckFile = (cards: number[], hash: string) =>
  testDeckFile(
    'rag',
    cards.map((i) => testCard('rag', `c${i}`)),
    hash,
  );
const settings: Settings = {
  ...defaultSettings,
  roles: {
    rag: {
      enabled: true,
      newPerDay: 2,
      maxReviewsPerDay: 100,
      desiredRetention: null,
      interviewDate: null,
      catchUp: null,
    },
  },
};
/** The queue of the day starting at `start`; waits for the floors it raises. */
async function queueOn(db: AppDb, start: number) {
  const input = await loadRoleQueueInput(db, 'rag', settings, start, start + day);
  await db.floors.get('rag'); // queued behind the raise's read-write transaction
  return input;
}
const ids = (states: readonly SchedState[]) => states.map((s) => s.cardId);
const floors = async (db: AppDb) => (await db.floors.get('rag'))?.floors;

async function answer(db: AppDb, id: string, rating: Rating, at: number) {
  const before = fromRow((await db.states.get(id))!);
  const { next, log } = scheduler.answer(before, rating, at, 1, `l-${id}-${at}`);
  await recordReview(db, next, log);
  return { before, log };
}

describe('queue floors', () => {
  it('rise to the lowest due of each queue after a read, and reads start there', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile([0, 1, 2, 3, 4, 5], 'h1')]);
    await answer(db, 'rag.c0', Rating.Easy, now);
    await answer(db, 'rag.c1', Rating.Again, now);
    const c0 = (await db.states.get('rag.c0'))!;
    const c1 = (await db.states.get('rag.c1'))!;
    await queueOn(db, now + day);
    expect(await floors(db)).toEqual({
      [CardState.New]: 2,
      [CardState.Learning]: c1.due,
      [CardState.Review]: c0.due,
      [CardState.Relearning]: Infinity,
    });
    // A card below a floor is not read: proof the reads start at the floors.
    await db.floors.put({ deckId: 'rag', floors: { ...(await floors(db)), [CardState.New]: 4 } });
    expect(ids((await queueOn(db, now + day)).newCards)).toEqual(['rag.c4', 'rag.c5']);
  });

  it('are lowered by every write that puts a card below them: undo, deck sync, restore', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile([0, 1, 2, 3], 'h1')]);
    const first = await answer(db, 'rag.c0', Rating.Easy, now);
    await answer(db, 'rag.c1', Rating.Easy, now);
    expect(ids((await queueOn(db, now + day)).newCards)).toEqual(['rag.c2', 'rag.c3']);
    expect((await floors(db))?.[CardState.New]).toBe(2);

    await undoReview(db, first.before, first.log.id);
    expect((await floors(db))?.[CardState.New]).toBe(0);
    expect(ids((await queueOn(db, now + day)).newCards)).toEqual(['rag.c0', 'rag.c2']);

    // The deck gains a card placed first: it is new, and shown first.
    await answer(db, 'rag.c0', Rating.Easy, now);
    await queueOn(db, now + day);
    await syncDecks(db, [deckFile([9, 0, 1, 2, 3], 'h2')]);
    expect(ids((await queueOn(db, now + day)).newCards)).toEqual(['rag.c9', 'rag.c2']);

    // A review due long ago, written back as a restore would: due today, so in the queue.
    const old = { ...fromRow((await db.states.get('rag.c1'))!), due: now - 30 * day };
    await db.transaction('rw', db.states, () => db.states.bulkPut([toRow(old)]));
    expect(ids((await queueOn(db, now)).dueReviews)).toContain('rag.c1');
  });

  it('keep the lowest of two writes running at once in one transaction', async () => {
    const db = freshDb();
    await db.floors.put({ deckId: 'rag', floors: { [CardState.Learning]: now } });
    const learning = (id: string, due: number) =>
      toRow({ ...newState(id, 'rag', 0), state: CardState.Learning, due });
    await db.transaction('rw', db.states, () =>
      Promise.all([
        db.states.put(learning('rag.a', now - 3 * day)),
        db.states.bulkPut([learning('rag.b', now - day), learning('rag.c', now - 2 * day)]),
      ]),
    );
    expect((await floors(db))?.[CardState.Learning]).toBe(now - 3 * day);
  });
});
