import { describe, expect, it, vi } from 'vitest';
import { newState } from '../domain/scheduling/newState';
import { CardState, Rating, type SchedState } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { toRow } from '../storage/db';
import type * as Queues from '../storage/queues';
import { countMoreReviews, REVIEW_PAGE } from '../storage/queues';
import { freshDb } from '../storage/testing';
import { useReviewSession } from './reviewSession';

vi.mock('../storage/queues', async (importOriginal) => {
  const queues = await importOriginal<typeof Queues>();
  return { ...queues, countMoreReviews: vi.fn(queues.countMoreReviews) };
});

const DAY = 86_400_000;
const now = new Date(2026, 3, 20, 10).getTime();
const settings: Settings = {
  ...defaultSettings,
  fuzz: false,
  roles: {
    rag: {
      enabled: true,
      newPerDay: 0,
      maxReviewsPerDay: 100,
      desiredRetention: null,
      interviewDate: null,
      catchUp: null,
    },
  },
};

async function seeded(dueCount: number) {
  const db = freshDb();
  const due = (i: number): SchedState => ({
    ...newState(`rag.c${i}`, 'rag', i),
    state: CardState.Review,
    stability: 3,
    difficulty: 5,
    lastReview: now - 4 * DAY - i * 60_000,
    due: now - DAY - i * 60_000,
    reps: 2,
  });
  await db.states.bulkPut(Array.from({ length: dueCount }, (_, i) => toRow(due(i))));
  await db.decks.put({
    id: 'rag',
    version: 1,
    title: { en: 'R', zh: 'R' },
    description: { en: 'd', zh: 'd' },
    topics: {},
    source: 'builtin',
    hash: 'h',
    cardCount: dueCount,
  });
  await db.cards.bulkPut(
    Array.from({ length: dueCount }, (_, i) => ({
      id: `rag.c${i}`,
      deckId: 'rag',
      position: i,
      hash: 'h',
      retired: false,
      topic: 't',
      tags: [],
      difficulty: 1 as const,
      type: 'concept' as const,
      question: { en: `Q${i}`, zh: `问${i}` },
      answer: { en: `A${i}`, zh: `答${i}` },
    })),
  );
  return db;
}

describe('review session', () => {
  it('loads reviews a page at a time and keeps going past the first page until all are done', async () => {
    const total = REVIEW_PAGE + 7;
    const db = await seeded(total);
    const session = useReviewSession.getState();
    await session.start(db, settings, { kind: 'daily' }, now);
    expect(useReviewSession.getState().counts).toEqual({ new: 0, learning: 0, review: total });
    expect(useReviewSession.getState().queue.main).toHaveLength(REVIEW_PAGE);

    const seen = new Set<string>();
    for (let i = 0; i < total; i++) {
      const current = useReviewSession.getState().current;
      expect(current).not.toBeNull();
      seen.add(current!.card.id);
      await useReviewSession.getState().reveal(settings, now + i * 1000);
      expect(await useReviewSession.getState().rate(db, settings, Rating.Good, now + i * 1000 + 500)).toBe(
        true,
      );
      expect(useReviewSession.getState().counts.review).toBe(total - i - 1);
    }
    expect(seen.size).toBe(total);
    expect(useReviewSession.getState().current).toBeNull();
    expect(await db.logs.count()).toBe(total);
  });

  it('shows the first card before counting the due reviews, then shows the exact count', async () => {
    const total = REVIEW_PAGE + 7;
    const db = await seeded(total);
    // Holds the count back, as a slow walk over thousands of due entries would.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = await vi.importActual<typeof Queues>('../storage/queues');
    vi.mocked(countMoreReviews).mockImplementationOnce(async (...args) => {
      await gate;
      return real.countMoreReviews(...args);
    });
    const started = useReviewSession.getState().start(db, settings, { kind: 'daily' }, now);
    await vi.waitFor(() => expect(useReviewSession.getState().current).not.toBeNull());
    expect(useReviewSession.getState().counts.review).toBeLessThan(total);
    release();
    await started;
    expect(useReviewSession.getState().counts).toEqual({ new: 0, learning: 0, review: total });
  });
});
