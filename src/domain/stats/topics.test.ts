import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/scheduler';
import { CardState, type SchedState } from '../scheduling/types';
import { topicTable, weakAndNotStarted } from './topics';

const DAY = 86_400_000;
const now = new Date(2026, 8, 15, 12).getTime();

/** A review card of `topic` last seen `ago` days before now with stability `s` (days), after `reps` reviews. */
const card = (id: string, s: number, ago: number, extra: Partial<SchedState> = {}): SchedState => ({
  ...newState(id, 'rag', 0),
  state: CardState.Review,
  stability: s,
  difficulty: 5,
  lastReview: now - ago * DAY,
  due: now - ago * DAY + s * DAY,
  reps: 3,
  ...extra,
});

const table = (cards: [topic: string, state: SchedState][]) => {
  const topics = new Map(cards.map(([topic, s]) => [s.cardId, topic]));
  return topicTable(
    cards.map(([, s]) => s),
    (id) => topics.get(id),
    now,
  );
};

const many = (topic: string, n: number, make: (id: string) => SchedState) =>
  Array.from({ length: n }, (_, i) => [topic, make(`${topic}.${i}`)] as [string, SchedState]);

describe('weakest topics, ranked by evidence', () => {
  it('lists topics nobody has started apart, as not started, never as weakest', () => {
    const rows = table([
      ...many('attention', 6, (id) => newState(id, 'rag', 0)),
      ...many('chunking', 4, (id) => card(id, 10, 2)),
      ...many('rerank', 4, (id) => card(id, 10, 2, { lapses: 1, reps: 5 })),
    ]);
    const { weakest, notStarted } = weakAndNotStarted(rows);
    expect(weakest.map((r) => r.topic)).toEqual(['rerank', 'chunking']);
    expect(notStarted.map((r) => [r.topic, r.cards, r.studied, r.recallStudied])).toEqual([
      ['attention', 6, 0, null],
    ]);
  });

  it('ranks a topic with many lapses over many reviews above one shaky card with no history', () => {
    const rows = table([
      // One card, seen once, recall now ~0.8: little evidence.
      ['eval', card('eval.0', 4, 8, { reps: 1 })],
      // Twenty cards, good recall now, but a lapse in every third review.
      ...many('retrieval', 20, (id) => card(id, 10, 1, { lapses: 2, reps: 6 })),
      ...many('prompting', 20, (id) => card(id, 30, 1, { reps: 6 })),
    ]);
    expect(weakAndNotStarted(rows).weakest.map((r) => r.topic)).toEqual(['retrieval', 'eval', 'prompting']);
  });

  it('counts both a lapse and the expected forgetting of a studied card as evidence, over the same reviews', () => {
    const rows = table([
      ...many('fresh', 10, (id) => card(id, 20, 1)),
      ...many('fading', 10, (id) => card(id, 5, 15)),
      ...many('lapsing', 10, (id) => card(id, 20, 1, { lapses: 1 })),
    ]);
    // A lapse in one review of three outweighs recall fallen to ~81 %; both outweigh a fresh topic.
    expect(rows.map((r) => r.topic)).toEqual(['lapsing', 'fading', 'fresh']);
    expect(rows[1]!.recallStudied).toBeLessThan(0.85);
    expect(rows.map((r) => r.reviews)).toEqual([30, 30, 30]);
  });

  it('keeps every topic in the table with its counts, retired cards left out', () => {
    const rows = table([
      ['a', card('a.1', 10, 0, { lapses: 2 })],
      ['a', newState('a.2', 'rag', 1)],
      ['a', card('a.3', 10, 0, { hidden: 'retired' })],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'a', cards: 2, studied: 1, lapses: 2, reviews: 3 });
    expect(rows[0]!.meanRecall).toBeCloseTo(0.5, 5);
    expect(rows[0]!.recallStudied).toBeCloseTo(1, 5);
  });
});
