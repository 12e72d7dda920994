import { describe, expect, it } from 'vitest';
import type { CardType } from '../deck/schema';
import { pickQuestions, weightOf, type MockCandidate } from './pick';

const candidate = (i: number, over: Partial<MockCandidate> = {}): MockCandidate => ({
  cardId: `rag.c${String(i).padStart(3, '0')}`,
  deckId: 'rag',
  topic: 't',
  type: 'concept',
  recall: 0.9,
  lapses: 0,
  gradable: true,
  ...over,
});

const pool = Array.from({ length: 60 }, (_, i) =>
  candidate(i, {
    type: (['concept', 'design', 'scenario', 'derivation'] as CardType[])[i % 4],
    recall: i % 5 === 0 ? null : (i % 10) / 10,
    lapses: i % 7,
  }),
);

describe('pickQuestions', () => {
  it('gives the same interview for the same seed, and another for another seed', () => {
    const a = pickQuestions(pool, { count: 6, seed: 42 }).map((c) => c.cardId);
    expect(pickQuestions(pool, { count: 6, seed: 42 }).map((c) => c.cardId)).toEqual(a);
    expect(pickQuestions(pool, { count: 6, seed: 43 }).map((c) => c.cardId)).not.toEqual(a);
  });

  it('never asks the same card twice, nor a card without key points', () => {
    for (let seed = 0; seed < 50; seed++) {
      const pool2 = pool.map((c, i) => (i % 3 === 0 ? { ...c, gradable: false } : c));
      const ids = pickQuestions(pool2, { count: 12, seed }).map((c) => c.cardId);
      expect(new Set(ids).size).toBe(12);
      expect(ids.every((id) => pool2.find((c) => c.cardId === id)!.gradable)).toBe(true);
    }
  });

  it('mixes in a few cards not yet studied: a quarter, at least one', () => {
    for (let seed = 0; seed < 20; seed++) {
      const picked = pickQuestions(pool, { count: 8, seed });
      expect(picked.filter((c) => c.recall === null)).toHaveLength(2);
      expect(pickQuestions(pool, { count: 3, seed }).filter((c) => c.recall === null)).toHaveLength(1);
    }
  });

  it('asks weak cards and design / scenario cards more often than strong concept cards', () => {
    const weak = candidate(1, { recall: 0.3, lapses: 3, type: 'design' });
    const strong = candidate(2, { recall: 0.98, type: 'concept' });
    expect(weightOf(weak)).toBeGreaterThan(weightOf(strong) * 5);
    const counts = { weak: 0, strong: 0 };
    const duel = [weak, strong, ...Array.from({ length: 10 }, (_, i) => candidate(10 + i, { recall: 0.8 }))];
    for (let seed = 0; seed < 300; seed++) {
      const ids = pickQuestions(duel, { count: 2, seed, unstudiedShare: 0 }).map((c) => c.cardId);
      if (ids.includes(weak.cardId)) counts.weak++;
      if (ids.includes(strong.cardId)) counts.strong++;
    }
    expect(counts.weak).toBeGreaterThan(counts.strong * 3);
  });

  it('asks every gradable card when there are fewer than asked for', () => {
    const few = pool.slice(0, 4);
    expect(pickQuestions(few, { count: 6, seed: 1 })).toHaveLength(4);
  });
});
