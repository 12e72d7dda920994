import { describe, expect, it } from 'vitest';
import { Rating } from '../domain/scheduling/types';
import { defaultSettings, type Settings } from '../domain/settings/settings';
import { fromRow } from './db';
import { syncDecks } from './deckSync';
import { raiseHint, readHints } from './newCardHints';
import { loadRoleQueueInput } from './queues';
import { recordReview, undoReview } from './reviews';
import { freshDb } from './testing';
import { testScheduler } from '../domain/scheduling/testScheduler';

const scheduler = testScheduler();
const now = new Date(2026, 5, 1, 10).getTime();
const card = (i: number) => ({
  id: `rag.c${i}`,
  topic: 't',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: `Q${i}`, zh: `问${i}` },
  answer: { en: `A${i}`, zh: `答${i}` },
});
const deck = (n: number) => ({
  id: 'rag',
  version: 1,
  title: { en: 'R', zh: 'R' },
  description: { en: 'd', zh: 'd' },
  cards: Array.from({ length: n }, (_, i) => card(i)),
});
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
const dayStart = now - 6 * 3_600_000;
const load = (db: ReturnType<typeof freshDb>) =>
  loadRoleQueueInput(db, 'rag', settings, dayStart - 86_400_000 * 10, now + 86_400_000);

describe('new-card hints', () => {
  it('skip studied cards, let an undone card back in, and are cleared when the deck changes', async () => {
    const db = freshDb();
    await syncDecks(db, [{ id: 'rag', file: 'decks/rag.json', hash: 'h1', load: async () => deck(6) }]);
    const answered = [];
    for (const id of ['rag.c0', 'rag.c1']) {
      const { next, log } = scheduler.answer(
        fromRow((await db.states.get(id))!),
        Rating.Easy,
        now,
        1,
        `l-${id}`,
      );
      await recordReview(db, next, log);
      answered.push({ before: fromRow((await db.states.get(id))!), log });
    }
    await raiseHint(db, 'rag');
    expect((await readHints(db)).rag).toBe(2);
    // With the day's new cards used up, the next day's queue starts at c2 (read from the hint).
    const tomorrow = await loadRoleQueueInput(db, 'rag', settings, now + 86_400_000, now + 2 * 86_400_000);
    expect(tomorrow.newCards.map((s) => s.cardId)).toEqual(['rag.c2', 'rag.c3']);

    await undoReview(
      db,
      fromRow({
        ...(await db.states.get('rag.c1'))!,
        state: 0,
        due: 1,
        lastReview: null,
        reps: 0,
        stability: 0,
        difficulty: 0,
        scheduledDays: 0,
        queue: 0,
      }),
      'l-rag.c1',
    );
    expect((await readHints(db)).rag).toBe(1);
    expect((await load(db)).newCards.map((s) => s.cardId)).toContain('rag.c1');

    await syncDecks(db, [{ id: 'rag', file: 'decks/rag.json', hash: 'h2', load: async () => deck(7) }]);
    expect((await readHints(db)).rag).toBeUndefined();
  });
});
