import { describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/scheduler';
import { CardState, type SchedState } from '../../domain/scheduling/types';
import { packSnapshot } from '../../storage/snapshots/stateSnapshot';
import { cardIdsOf } from '../../storage/roleCards';
import { cardCount, dueToday, groupCards, sortedByDue, studyingCount } from './stateGroups';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);

const card = (id: string, fields: Partial<SchedState> = {}): SchedState => ({
  ...newState(id, 'rag', 0),
  ...fields,
});

const studied = (id: string, state: CardState, due: number, fields: Partial<SchedState> = {}) =>
  card(id, { state, due, stability: 3, difficulty: 5, reps: 2, lastReview: NOW - DAY, ...fields });

const states = [
  card('rag.n2', { due: 2 }),
  card('rag.n1', { due: 1 }),
  studied('rag.r-late', CardState.Review, NOW + 5 * DAY),
  studied('rag.r-b', CardState.Review, NOW - DAY),
  studied('rag.r-a', CardState.Review, NOW - DAY),
  studied('rag.l', CardState.Learning, NOW + 60_000),
  studied('rag.rl', CardState.Relearning, NOW + 3 * DAY),
  studied('rag.s', CardState.Learning, NOW - DAY, { hidden: 'suspended' }),
  studied('rag.b', CardState.Review, NOW - DAY, { hidden: 'buried', buriedUntil: NOW + DAY }),
  studied('rag.gone', CardState.Review, NOW - DAY, { hidden: 'retired' }),
  card('rag.gone-new', { due: 0, hidden: 'retired' }),
];
const columns = packSnapshot(
  'rag',
  states.map((state) => ({ state, topic: 'basics' })),
);
const idsOf = (positions: number[]) => positions.map((i) => cardIdsOf(columns)[i]);

describe('state groups from a role’s columns', () => {
  it('puts retired, suspended and buried cards in their own groups whatever their FSRS state', () => {
    const groups = groupCards(columns);
    expect(Object.fromEntries([...groups].map(([g, list]) => [g, idsOf(list).sort()]))).toEqual({
      new: ['rag.n1', 'rag.n2'],
      review: ['rag.r-a', 'rag.r-b', 'rag.r-late'],
      learning: ['rag.l'],
      relearning: ['rag.rl'],
      suspended: ['rag.s'],
      buried: ['rag.b'],
      retired: ['rag.gone', 'rag.gone-new'],
    });
  });

  it('lists a group soonest due first (new cards in deck order), cards due together by id', () => {
    const groups = groupCards(columns);
    expect(idsOf(sortedByDue(columns, groups.get('new')!))).toEqual(['rag.n1', 'rag.n2']);
    expect(idsOf(sortedByDue(columns, groups.get('review')!))).toEqual(['rag.r-a', 'rag.r-b', 'rag.r-late']);
  });

  it('counts the cards in the deck, those studied, and those due today among the cards in a queue', () => {
    expect(cardCount(columns)).toBe(9);
    expect(studyingCount(columns)).toBe(7);
    // r-a and r-b are due; the learning card is due within the day; suspended and buried are not in a queue.
    expect(dueToday(columns, NOW + DAY / 2)).toEqual({ due: 3, reviewed: 3 });
    expect(dueToday(columns, NOW - 2 * DAY)).toEqual({ due: 0, reviewed: 3 });
  });
});
