import { describe, expect, it } from 'vitest';
import { cardDocId, deckOfCardDoc } from './cardFields';
import { cardHash, childPrefixes, partId } from './cardParts';
import { checkFormat, NewerFormatError } from './format';

describe('the parts of a role’s card data', () => {
  it('are chosen by a hash of the card id that every device and version computes alike', () => {
    // Pinned: a device computing another hash would look for a card's fields in another part.
    expect(cardHash('rag.a')).toBe('d197ee01');
    expect(cardHash('user-ml.c0')).toBe('1470b6d1');
    const firstDigits = new Set(Array.from({ length: 1_000 }, (_, i) => cardHash(`big.c${i}`)[0]));
    expect(firstDigits.size).toBe(16);
  });

  it('are named after their role’s document, and the changes feed tells their role', () => {
    const root = cardDocId('user-ml');
    expect(partId(root, '')).toBe(root);
    expect(partId(root, '3f')).toBe('fields:cards:user-ml/3f');
    expect(deckOfCardDoc('fields:cards:user-ml/3f')).toBe('user-ml');
    expect(deckOfCardDoc(root)).toBe('user-ml');
    expect(childPrefixes('3')).toHaveLength(16);
  });

  it('are in a format this app knows (2), while other field documents of that format are newer', () => {
    expect(() =>
      checkFormat({ _id: 'fields:cards:rag', kind: 'fields', format: 2, split: true }),
    ).not.toThrow();
    expect(() => checkFormat({ _id: 'fields:cards:rag/a', kind: 'fields', format: 2 })).not.toThrow();
    expect(() => checkFormat({ _id: 'fields:cards:rag', kind: 'fields', format: 3 })).toThrow(
      NewerFormatError,
    );
    expect(() => checkFormat({ _id: 'fields:settings', kind: 'fields', format: 2 })).toThrow(
      NewerFormatError,
    );
  });
});
