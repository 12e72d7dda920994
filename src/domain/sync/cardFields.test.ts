import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/newState';
import { cardDataFromFields, cardFieldDefaults, cardFields, withCardData } from './cardFields';

const card = newState('rag.a', 'rag', 1);

describe('card data as fields', () => {
  it('one field per card and kind, their defaults known', () => {
    const fields = cardFields(
      [
        { ...card, flag: 3, hidden: 'suspended', leech: true },
        { ...card, cardId: 'rag.b', hidden: 'buried', buriedUntil: 77, resetAt: 1_767_000_000_000 },
      ],
      [{ cardId: 'rag.a', deckId: 'rag', text: 'n', updated: 1 }],
    );
    expect(fields).toEqual({
      'rag.a|flag': 3,
      'rag.a|suspended': true,
      'rag.a|leech': true,
      'rag.a|buried': null,
      'rag.a|note': 'n',
      'rag.a|reset': null,
      'rag.b|flag': null,
      'rag.b|suspended': false,
      'rag.b|leech': false,
      'rag.b|buried': 77,
      'rag.b|note': null,
      'rag.b|reset': 1_767_000_000_000,
    });
    expect(cardFieldDefaults(fields)).toMatchObject({
      'rag.a|flag': null,
      'rag.a|suspended': false,
      'rag.a|leech': false,
      'rag.a|buried': null,
      'rag.a|note': null,
      'rag.a|reset': null,
    });
  });

  it('leaves out values this app cannot store', () => {
    const data = cardDataFromFields({
      'rag.a|flag': 9,
      'rag.a|suspended': 'yes',
      'rag.a|leech': 1,
      'rag.a|buried': 'tomorrow',
      'rag.a|note': 'ok',
      'rag.b|flag': 1,
      'rag.b|leech': true,
      'rag.b|buried': 99,
      'rag.a|reset': 'yesterday',
      'rag.b|reset': 1_767_000_000_000,
      'rag.c|reset': -5,
    });
    expect(Object.fromEntries(data)).toEqual({
      'rag.a': { note: 'ok' },
      'rag.b': { flag: 1, leech: true, buried: 99, reset: 1_767_000_000_000 },
    });
  });

  it('suspends and unsuspends, a retired card staying retired and a buried one suspended', () => {
    expect(withCardData({ ...card, hidden: 'buried', buriedUntil: 5 }, { suspended: true })).toEqual({
      ...card,
      hidden: 'suspended',
    });
    expect(withCardData({ ...card, hidden: 'suspended' }, { suspended: false }).hidden).toBeNull();
    expect(withCardData({ ...card, hidden: 'retired' }, { suspended: true }).hidden).toBe('retired');
    expect(withCardData({ ...card, flag: 2 }, { flag: null })).toEqual(card);
  });

  it('marks and unmarks a leech, and buries only a card in the queues', () => {
    expect(withCardData(card, { leech: true })).toEqual({ ...card, leech: true });
    expect(withCardData({ ...card, leech: true }, { leech: false })).toEqual(card);
    expect(withCardData(card, { buried: 50 })).toEqual({ ...card, hidden: 'buried', buriedUntil: 50 });
    expect(withCardData({ ...card, hidden: 'buried', buriedUntil: 50 }, { buried: null })).toEqual(card);
    expect(withCardData({ ...card, hidden: 'suspended' }, { buried: 50 }).hidden).toBe('suspended');
    expect(withCardData(card, { suspended: true, buried: 50 })).toEqual({ ...card, hidden: 'suspended' });
  });

  it('sets and clears the time of a progress reset', () => {
    expect(withCardData(card, { reset: 1_767_000_000_000 })).toEqual({ ...card, resetAt: 1_767_000_000_000 });
    expect(withCardData({ ...card, resetAt: 1_767_000_000_000 }, { reset: null })).toEqual(card);
  });
});
