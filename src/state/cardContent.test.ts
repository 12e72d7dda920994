import { describe, expect, it, vi } from 'vitest';
import { emptyQueue } from '../domain/queue/queue';
import { newState } from '../domain/scheduling/newState';
import type { CardRecord } from '../domain/deck/records';
import { freshDb } from '../storage/testing';
import { clearCardContent, contentFor, upcomingCards } from './cardContent';

const card = (i: number): CardRecord => ({
  id: `rag.c${i}`,
  deckId: 'rag',
  position: i,
  hash: 'h',
  retired: false,
  topic: 't',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: `Q${i}`, zh: `问${i}` },
  answer: { en: `A${i}`, zh: `答${i}` },
});
const state = (i: number) => newState(`rag.c${i}`, 'rag', i);

describe('card content', () => {
  it('gives a card already read at once, without waiting for the next cards to be read', async () => {
    clearCardContent();
    const db = freshDb();
    await db.cards.bulkPut([0, 1, 2, 3].map(card));
    const first = { ...emptyQueue, main: [state(1), state(2)] };
    expect((await contentFor(db, first, state(0)))?.question.en).toBe('Q0');
    expect(upcomingCards(first, 'rag.c0', 0).map((c) => c.id)).toEqual(['rag.c1', 'rag.c2']);

    // The read of the cards after it never ends (a slow disk, a busy database).
    const read = vi.spyOn(db.cards, 'bulkGet').mockReturnValue(new Promise(() => {}) as never);
    const next = { ...emptyQueue, main: [state(2), state(3)] };
    expect((await contentFor(db, next, state(1)))?.question.en).toBe('Q1');
    read.mockRestore();
  });

  it('does not keep content read for a session that was cleared since', async () => {
    clearCardContent();
    const db = freshDb();
    await db.cards.bulkPut([0, 1].map(card));
    const reading = contentFor(db, { ...emptyQueue, main: [state(1)] }, state(0));
    clearCardContent();
    await reading;
    expect(upcomingCards({ ...emptyQueue, main: [state(0), state(1)] }, null, 0)).toEqual([]);
  });

  it('lists the cards in the order the session will show them, so the next one is prepared first', async () => {
    clearCardContent();
    const db = freshDb();
    await db.cards.bulkPut([0, 1, 2, 3, 4].map(card));
    const now = 1_000_000;
    const learning = (i: number, due: number) => ({ ...state(i), state: 1 as const, due });
    const queue = {
      ...emptyQueue,
      learning: [learning(3, now - 1), learning(4, now + 60_000)],
      main: [state(0), state(1), state(2)],
    };
    await contentFor(db, queue, state(0));
    // A learning card already due is shown before the main queue; one due later only after it.
    expect(upcomingCards(queue, 'rag.c0', now).map((c) => c.id)).toEqual([
      'rag.c3',
      'rag.c1',
      'rag.c2',
      'rag.c4',
    ]);
  });
});
