import { describe, expect, it } from 'vitest';
import { checkFormat } from './format';
import { readUndone, UNDONE_PER_DOC, UNDONE_SINGLE_MAX, undoneDoc, undoneDocs } from './undone';

const reviews = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `review-${i}`, deckId: 'rag' }));

describe('undo records', () => {
  it('are one document of the first format each when few, which an earlier app reads as before', () => {
    const docs = undoneDocs(reviews(UNDONE_SINGLE_MAX), 'phone', 7);
    expect(docs).toHaveLength(UNDONE_SINGLE_MAX);
    expect(docs[0]).toEqual({
      _id: 'undone:review-0',
      kind: 'undone',
      format: 1,
      review: 'review-0',
      deckId: 'rag',
    });
    expect(docs.flatMap(readUndone)).toEqual(reviews(UNDONE_SINGLE_MAX).map((r) => r.id));
  });

  it('are batches of at most UNDONE_PER_DOC ids when many, the same ones when written again', () => {
    const many = reviews(2 * UNDONE_PER_DOC + 1);
    const docs = undoneDocs(many, 'phone', 7);
    expect(docs.map((d) => d._id)).toEqual(['undone:phone@7:0', 'undone:phone@7:1', 'undone:phone@7:2']);
    expect(docs.map(readUndone).map((ids) => ids.length)).toEqual([UNDONE_PER_DOC, UNDONE_PER_DOC, 1]);
    expect(docs.flatMap(readUndone)).toEqual(many.map((r) => r.id));
    expect(undoneDocs(many, 'phone', 7)).toEqual(docs);
    for (const doc of docs) {
      expect(() => checkFormat(doc)).not.toThrow();
      expect(JSON.stringify(doc).length).toBeLessThan(1_000_000);
    }
  });

  it('are not read from documents that are no such record', () => {
    expect(readUndone({ ...undoneDoc({ id: 'a', deckId: 'rag' }), _id: 'undone:b' })).toEqual([]);
    expect(readUndone({ _id: 'undone:x@1:0', kind: 'reviews', reviews: ['a'] })).toEqual([]);
    expect(readUndone({ _id: 'undone:x@1:0', kind: 'undone', reviews: ['a', 3] })).toEqual(['a']);
    expect(readUndone(null)).toEqual([]);
  });
});
