import { describe, expect, it } from 'vitest';
import { buildQueue, queueCounts } from '../domain/queue/queue';
import { newState } from '../domain/scheduling/scheduler';
import { CardState, type ReviewLog, type SchedState } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { toRow } from './db';
import { roleCounts } from '../domain/stats/roleCounts';
import { loadRoleQueueInput, loadUpcomingReviews } from './queues';
import { loadSnapshots, statesOf } from './snapshots/loadSnapshots';
import { freshDb } from './testing';

const at = (d: number, h: number) => new Date(2026, 5, d, h).getTime();
const dayStart = at(10, 4);
const dayEnd = at(11, 4);
const review = (id: string, due: number): SchedState => ({
  ...newState(id, 'rag', 0),
  state: CardState.Review,
  due,
  stability: 4,
  difficulty: 5,
  lastReview: due - 4 * 86_400_000,
  reps: 2,
});
const log = (id: string, state: CardState, time: number): ReviewLog => ({
  id,
  cardId: `rag.${id}`,
  deckId: 'rag',
  rating: 3,
  state,
  due: time,
  stability: 1,
  difficulty: 5,
  elapsedDays: 0,
  lastElapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  review: time,
  durationMs: 1000,
});
const settings: Settings = {
  ...defaultSettings,
  roles: {
    rag: {
      enabled: true,
      newPerDay: 3,
      maxReviewsPerDay: 2,
      desiredRetention: null,
      interviewDate: null,
      catchUp: null,
    },
  },
};

async function seeded() {
  const db = freshDb();
  await db.states.bulkPut(
    [
      ...[0, 1, 2, 3, 4].map((i) => newState(`rag.n${i}`, 'rag', i)),
      review('rag.r1', at(9, 10)),
      review('rag.r2', at(10, 12)),
      review('rag.r3', at(11, 3)),
      review('rag.later', at(13, 9)),
      { ...review('rag.gone', at(9, 9)), hidden: 'retired' as const },
      { ...newState('rag.l1', 'rag', 9), state: CardState.Learning, due: at(10, 9) },
    ].map(toRow),
  );
  // Earlier today: one new card introduced, one review done; yesterday's log does not count, nor
  // another role's reviews today.
  await db.logs.bulkAdd([
    log('a', CardState.New, at(10, 6)),
    log('b', CardState.Review, at(10, 7)),
    log('c', CardState.New, at(10, 3)),
    { ...log('d', CardState.New, at(10, 8)), cardId: 'agent.d', deckId: 'agent' },
    { ...log('e', CardState.Review, at(10, 9)), cardId: 'agent.e', deckId: 'agent' },
  ]);
  return db;
}

describe('role queue input', () => {
  it('counts what was done today and leaves room only for the rest', async () => {
    const db = await seeded();
    const input = await loadRoleQueueInput(db, 'rag', settings, dayStart, dayEnd);
    expect(input.newDoneToday).toBe(1);
    expect(input.reviewsDoneToday).toBe(1);
    expect(input.newCards.map((s) => s.cardId)).toEqual(['rag.n0', 'rag.n1']);
    expect(input.dueReviews.map((s) => s.cardId)).toEqual(['rag.r1']);
    expect(input.learning.map((s) => s.cardId)).toEqual(['rag.l1']);
    expect(queueCounts(buildQueue([input], dayEnd))).toEqual({ new: 2, learning: 1, review: 1 });
  });

  it('counts cards by state from the snapshots, leaving retired ones out of the queues', async () => {
    const db = await seeded();
    expect(roleCounts(statesOf((await loadSnapshots(db, ['rag'])).values()), dayEnd)).toEqual({
      total: 10,
      new: 5,
      learning: 1,
      review: 4,
      dueToday: 3,
      suspended: 0,
      buried: 0,
      retired: 1,
      leeches: 0,
    });
  });

  it('offers review-ahead cards due after today, soonest first', async () => {
    const db = await seeded();
    expect((await loadUpcomingReviews(db, 'rag', dayEnd, 10)).map((s) => s.cardId)).toEqual(['rag.later']);
  });
});

describe('catch-up plan', () => {
  it('raises the new-card limit until the interview date, then the usual limit applies again', async () => {
    const db = await seeded();
    const rag = { ...settings.roles.rag!, catchUp: { newPerDay: 5, until: '2026-06-12' } };
    const plan = { ...settings, roles: { rag } };
    expect((await loadRoleQueueInput(db, 'rag', plan, dayStart, dayEnd)).newCards).toHaveLength(4);
    const later = at(12, 10);
    expect((await loadRoleQueueInput(db, 'rag', plan, later, later + 86_400_000)).newCards).toHaveLength(3);
  });
});
