import { describe, expect, it } from 'vitest';
import { historyJsonHead, historyJsonTail } from './historyJson';

const T = Date.UTC(2026, 5, 1);

describe('history JSON: card notes', () => {
  it('ends with the notes given, their date written out', () => {
    const head = historyJsonHead({ exportedAt: T, deckId: 'rag', range: { from: null, to: null }, count: 0 });
    const note = { cardId: 'rag.a', deckId: 'rag', text: '我的 **story**', updated: T };
    const parsed = JSON.parse(head + historyJsonTail([], 'rag', { from: null, to: null }, [note]));
    expect(parsed.notes).toEqual([{ ...note, updated: new Date(T).toISOString() }]);
    expect(JSON.parse(head + historyJsonTail([], 'rag', { from: null, to: null })).notes).toEqual([]);
  });
});
