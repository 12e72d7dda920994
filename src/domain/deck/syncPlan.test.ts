import { describe, expect, it } from 'vitest';
import { hashString } from './hash';
import type { Deck, DeckCard } from './schema';
import { planDeckSync, type StoredCardMeta } from './syncPlan';

const card = (id: string, answer = 'A'): DeckCard => ({
  id: `d.${id}`,
  topic: 't',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: 'Q', zh: '问' },
  answer: { en: answer, zh: '答' },
});
const deck = (cards: DeckCard[]): Deck => ({
  id: 'd',
  version: 1,
  title: { en: 'D', zh: 'D' },
  description: { en: 'D', zh: 'D' },
  cards,
});
const stored = (c: DeckCard, position: number, retired = false): StoredCardMeta => ({
  id: c.id,
  hash: hashString(JSON.stringify(c)),
  retired,
  position,
});

describe('planDeckSync', () => {
  it('adds every card of a new deck with a new state in deck order', () => {
    const plan = planDeckSync(deck([card('a'), card('b')]), 'h', 'builtin', [], () => false);
    expect(plan.putCards.map((c) => [c.id, c.position])).toEqual([
      ['d.a', 0],
      ['d.b', 1],
    ]);
    expect(plan.newStates.map((s) => [s.cardId, s.due, s.state])).toEqual([
      ['d.a', 0, 0],
      ['d.b', 1, 0],
    ]);
  });

  it('plans nothing for cards that did not change', () => {
    const plan = planDeckSync(deck([card('a')]), 'h', 'builtin', [stored(card('a'), 0)], () => true);
    expect(plan).toMatchObject({ putCards: [], newStates: [], retire: [], unretire: [], reposition: [] });
  });

  it('updates changed content without creating a state, retires removed cards, revives returning ones', () => {
    const plan = planDeckSync(
      deck([card('a', 'better answer'), card('c')]),
      'h2',
      'builtin',
      [stored(card('a'), 0), stored(card('b'), 1), stored(card('c'), 1, true)],
      () => true,
    );
    expect(plan.putCards.map((c) => c.id)).toEqual(['d.a', 'd.c']);
    expect(plan.putCards[0]!.answer.en).toBe('better answer');
    expect(plan.newStates).toEqual([]);
    expect(plan.retire).toEqual(['d.b']);
    expect(plan.unretire).toEqual(['d.c']);
  });

  it('moves a card that changed place and says so for the new-card order', () => {
    const plan = planDeckSync(
      deck([card('b'), card('a')]),
      'h',
      'builtin',
      [stored(card('a'), 0), stored(card('b'), 1)],
      () => true,
    );
    expect(plan.reposition).toEqual([
      { cardId: 'd.b', position: 0 },
      { cardId: 'd.a', position: 1 },
    ]);
  });
});
