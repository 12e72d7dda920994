import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/newState';
import { cardDataFromFields, cardFieldDefaults, cardFields, withCardData } from './cardFields';

const card = newState('rag.a', 'rag', 1);

describe('card data as fields', () => {
  it('one field per card and kind, their defaults known', () => {
    const fields = cardFields(
      [{ ...card, flag: 3, hidden: 'suspended' }],
      [{ cardId: 'rag.a', deckId: 'rag', text: 'n', updated: 1 }],
    );
    expect(fields).toEqual({ 'rag.a|flag': 3, 'rag.a|suspended': true, 'rag.a|note': 'n' });
    expect(cardFieldDefaults(fields)).toEqual({
      'rag.a|flag': null,
      'rag.a|suspended': false,
      'rag.a|note': null,
    });
  });

  it('leaves out values this app cannot store', () => {
    const data = cardDataFromFields({
      'rag.a|flag': 9,
      'rag.a|suspended': 'yes',
      'rag.a|note': 'ok',
      'rag.b|flag': 1,
    });
    expect(Object.fromEntries(data)).toEqual({ 'rag.a': { note: 'ok' }, 'rag.b': { flag: 1 } });
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
});
