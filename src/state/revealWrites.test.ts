import { afterEach, describe, expect, it, vi } from 'vitest';
import { newState } from '../domain/scheduling/newState';
import { CardState, Rating } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { toRow } from '../storage/db';
import { pendingReviewKeys } from '../storage/journalKeys';
import { freshDb } from '../storage/testing';
import { loadSchedulers } from './schedulerLoader';
import { ReviewSession } from './session';
import { plainHost } from './sessionState';

// The review's writes (lazyWrites.ts) download until the test lets them arrive.
let arrive: () => void = () => {};
const downloaded = new Promise<void>((resolve) => (arrive = resolve));
vi.mock('../storage/writes', async (importOriginal) => {
  await downloaded;
  return importOriginal();
});

const now = new Date(2026, 3, 20, 10).getTime();
const settings: Settings = {
  ...defaultSettings,
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

async function twoDueCards() {
  const db = freshDb();
  const states = [0, 1].map((i) => ({
    ...newState(`rag.c${i}`, 'rag', i),
    state: CardState.Review,
    stability: 3,
    difficulty: 5,
    lastReview: now - 4 * 86_400_000,
    due: now - 86_400_000 - i,
    reps: 2,
  }));
  await db.states.bulkPut(states.map(toRow));
  await db.decks.put({
    id: 'rag',
    version: 1,
    title: { en: 'R', zh: 'R' },
    description: { en: 'd', zh: 'd' },
    topics: {},
    source: 'builtin',
    hash: 'h',
    cardCount: 2,
  });
  await db.cards.bulkPut(
    states.map((s, i) => ({
      id: s.cardId,
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

afterEach(() => localStorage.clear());

describe('revealing the answer', () => {
  it("lets a rating pressed the moment the answer shows be noted in its key's task, though the review's writes were still downloading", async () => {
    const db = await twoDueCards();
    const host = plainHost();
    let notedByNextTask: Promise<number> | null = null;
    const session = new ReviewSession({
      get: host.get,
      set: (patch) => {
        host.set(patch);
        if (!patch.revealed) return;
        // The user rates as soon as the answer is on screen, and the page may go away in the next task.
        void session.rate(Rating.Good, now + 2000);
        notedByNextTask = new Promise((resolve) => setTimeout(() => resolve(pendingReviewKeys().length), 0));
      },
    });
    await session.start(db, settings, { kind: 'daily' }, now);
    const revealing = session.reveal(now + 1000);
    // The scheduler is in and a task has passed; the writes have not arrived yet.
    await loadSchedulers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    arrive();
    await revealing;
    expect(await notedByNextTask).toBe(1);
    await vi.waitFor(async () => expect(await db.logs.count()).toBe(1));
  });
});
