import { describe, expect, it } from 'vitest';
import { newState, Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';
import { fromRow } from '../db';
import { syncDecks } from '../deckSync';
import { countWrites, freshDb, testCard, testDeckFile } from '../testing';
import { applyReviews } from './applyReviews';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: false,
  maximumInterval: 36_500,
});
const T0 = Date.UTC(2026, 0, 5, 9);

const remoteLog = (cardId: string, id: string, at: number): ReviewLog =>
  scheduler.answer(newState(cardId, cardId.split('.')[0]!, 0), 3, at, 2000, id).log;

async function seeded() {
  const db = freshDb();
  await syncDecks(db, [testDeckFile('rag', [testCard('rag', 'a')])]);
  return db;
}

describe('applying reviews from another device', () => {
  it('writes the reviews, the replayed state and the day rollup; a second time, nothing', async () => {
    const db = await seeded();
    const logs = [remoteLog('rag.a', 'r1', T0)];
    expect(await applyReviews(db, logs, () => scheduler)).toMatchObject({ added: 1, cardIds: ['rag.a'] });
    expect(fromRow((await db.states.get('rag.a'))!)).toMatchObject({ reps: 1, lastReview: T0 });
    expect((await db.days.toArray()).map((d) => d.count)).toEqual([1]);
    const writes = await countWrites(db);
    expect(await applyReviews(db, logs, () => scheduler)).toEqual({ added: 0, removed: 0, cardIds: [] });
    expect(writes.count).toBe(0);
  });

  it('keeps a review of a card this device does not have, without inventing a state for it', async () => {
    const db = await seeded();
    await applyReviews(db, [remoteLog('imported.x', 'r2', T0)], () => scheduler);
    expect(await db.logs.get('r2')).toBeDefined();
    expect(await db.states.get('imported.x')).toBeUndefined();
  });

  it('puts a card whose only review another device undid back where it was among the new cards', async () => {
    const db = freshDb();
    await syncDecks(db, [
      testDeckFile(
        'rag',
        ['a', 'b', 'c'].map((k) => testCard('rag', k)),
      ),
    ]);
    const untouched = fromRow((await db.states.get('rag.c'))!);
    await applyReviews(db, [remoteLog('rag.c', 'r3', T0)], () => scheduler);
    expect(fromRow((await db.states.get('rag.c'))!).reps).toBe(1);
    await applyReviews(db, [], () => scheduler, new Set(['r3']));
    expect(fromRow((await db.states.get('rag.c'))!)).toEqual(untouched);
  });
});
