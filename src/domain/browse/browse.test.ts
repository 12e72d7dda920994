import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/newState';
import { CardState } from '../scheduling/types';
import { defaultQuery, queryFromParams, queryToParams, type BrowseQuery } from './query';
import { passes, sortCards, type CardInfo } from './rows';
import { tokenize } from './tokenize';

describe('search tokens', () => {
  it('splits English into lower-case words and Chinese into character pairs', () => {
    expect(tokenize('KV-cache Offloading 梯度下降，又称SGD')).toEqual([
      'kv',
      'cache',
      'offloading',
      '梯度',
      '度下',
      '下降',
      '又称',
      'sgd',
    ]);
    expect(tokenize('为')).toEqual(['为']);
  });
});

describe('browse query in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    const q: BrowseQuery = {
      text: '注意力 attention',
      role: 'rag',
      topic: 'retrieval',
      state: 'review',
      suspended: true,
      buried: false,
      leech: true,
      flag: 0,
      due: 'overdue',
      difficulty: 2,
      sort: 'lapses',
      desc: true,
    };
    expect(queryFromParams(queryToParams(q))).toEqual(q);
    expect(queryToParams(defaultQuery).toString()).toBe('');
  });

  it('ignores values it does not know', () => {
    const q = queryFromParams(new URLSearchParams('state=zombie&flag=9&sort=random&difficulty=x'));
    expect(q).toEqual(defaultQuery);
  });
});

describe('filters and sorts', () => {
  const info = (id: string, position: number): CardInfo => ({
    cardId: `rag.${id}`,
    deckId: 'rag',
    topic: 't',
    question: { en: id, zh: id },
    difficulty: 2,
    position,
    deckOrder: 0,
  });
  const day = { start: 1_000_000, end: 2_000_000 };
  const review = (id: string, due: number, lapses = 0) => ({
    ...newState(`rag.${id}`, 'rag', 0),
    state: CardState.Review,
    due,
    lapses,
    lastReview: due - 10,
  });

  it('keeps due-today, overdue, flagged, leech and suspended cards as asked, never retired ones', () => {
    const today = review('a', 1_500_000);
    const overdue = { ...review('b', 500_000), flag: 3 as const, leech: true as const };
    expect(passes(info('a', 0), today, { ...defaultQuery, due: 'today' }, day)).toBe(true);
    expect(passes(info('a', 0), today, { ...defaultQuery, due: 'overdue' }, day)).toBe(false);
    expect(
      passes(info('b', 1), overdue, { ...defaultQuery, due: 'overdue', flag: 3, leech: true }, day),
    ).toBe(true);
    expect(passes(info('a', 0), today, { ...defaultQuery, flag: 0 }, day)).toBe(true);
    expect(
      passes(info('a', 0), { ...today, hidden: 'suspended' }, { ...defaultQuery, suspended: true }, day),
    ).toBe(true);
    expect(passes(info('a', 0), { ...today, hidden: 'retired' }, defaultQuery, day)).toBe(false);
  });

  it('sorts by lapses, most first, and new cards after every due date', () => {
    const list = [
      { info: info('a', 0), state: review('a', 5, 1) },
      { info: info('b', 1), state: review('b', 9, 7) },
      { info: info('c', 2), state: newState('rag.c', 'rag', 2) },
    ];
    expect(sortCards(list, { sort: 'lapses', desc: true }).map((c) => c.info.cardId)).toEqual([
      'rag.b',
      'rag.a',
      'rag.c',
    ]);
    expect(sortCards(list, { sort: 'due', desc: false }).map((c) => c.info.cardId)).toEqual([
      'rag.a',
      'rag.b',
      'rag.c',
    ]);
  });
});
