import { describe, expect, it } from 'vitest';
import type { Deck } from '../deck/schema';
import { validateDeck } from '../deck/validate';
import { deckChunks, deckFromChunks, MAX_CHUNK_BYTES } from './deckDocs';

const card = (i: number) => ({
  id: `user-big.c${i}`,
  topic: 't',
  tags: [],
  difficulty: 1 as const,
  type: 'concept' as const,
  question: { en: `What is ${i}?`, zh: `${i} 是什么？` },
  answer: { en: `It is ${i}. `.repeat(20), zh: `它是 ${i}。`.repeat(20) },
});

const deck = (cards: number): Deck => ({
  id: 'user-big',
  version: 1,
  title: { en: 'Big', zh: '大' },
  description: { en: 'd', zh: 'd' },
  cards: Array.from({ length: cards }, (_, i) => card(i)),
});

describe('an imported deck as chunk documents', () => {
  it('splits a 20,000-card deck into chunks far below CouchDB’s 8 MB limit, and puts it back together', () => {
    const big = deck(20_000);
    const { ref, docs } = deckChunks(big, 'abc123');
    expect(ref).toEqual({ hash: 'abc123', chunks: docs.length });
    expect(docs.length).toBeGreaterThan(5);
    for (const doc of docs) {
      expect(new TextEncoder().encode(JSON.stringify(doc)).length).toBeLessThan(MAX_CHUNK_BYTES + 2_000);
      expect(doc._id).toBe(`deck:user-big:abc123:${doc.index}`);
    }
    const back = deckFromChunks('user-big', ref, docs);
    expect(back).toEqual(big);
    expect(validateDeck(back, 'user-big', 'user-big').ok).toBe(true);
  });

  it('makes no deck of chunks missing, out of order, of another content or in a newer format', () => {
    const { ref, docs } = deckChunks(deck(3), 'h1');
    expect(deckFromChunks('user-big', ref, docs)).not.toBeNull();
    expect(deckFromChunks('user-big', { ...ref, chunks: 2 }, [...docs, docs[0]])).toBeNull();
    expect(deckFromChunks('user-big', { hash: 'h2', chunks: 1 }, docs)).toBeNull();
    expect(deckFromChunks('user-other', ref, docs)).toBeNull();
    expect(deckFromChunks('user-big', ref, [{ ...docs[0], format: 2 }])).toBeNull();
    expect(deckFromChunks('user-big', ref, [null])).toBeNull();
  });
});
