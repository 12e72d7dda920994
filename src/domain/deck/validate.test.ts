import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';
import { validateDeck } from './validate';

const base = {
  id: 'rag',
  version: 1,
  title: { en: 'RAG', zh: 'RAG' },
  description: { en: 'd', zh: 'd' },
  cards: [
    {
      id: 'rag.chunking',
      topic: 'chunking',
      tags: [],
      difficulty: 2,
      type: 'concept',
      question: { en: 'Q', zh: '问' },
      answer: { en: 'A', zh: '' },
    },
  ],
};

describe('validateDeck', () => {
  it('names the file, the card and the field that is wrong', () => {
    const result = validateDeck(base, 'decks/rag.json', 'rag');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'decks/rag.json',
        cardId: 'rag.chunking',
        field: 'cards.0.answer.zh',
        message: 'must not be empty',
        reason: { code: 'empty' },
      },
    ]);
    expect(describeProblem(result.problems[0]!)).toBe(
      'decks/rag.json · rag.chunking · cards.0.answer.zh: must not be empty',
    );
  });

  it('rejects a deck whose id is not its file name, and duplicate card ids', () => {
    const card = { ...base.cards[0]!, answer: { en: 'A', zh: '答' } };
    expect(validateDeck({ ...base, cards: [card] }, 'decks/x.json', 'x')).toMatchObject({
      ok: false,
      problems: [{ field: 'id' }],
    });
    const dup = validateDeck({ ...base, cards: [card, card] }, 'f', 'rag');
    expect(dup.ok ? [] : dup.problems.map((p) => p.message)).toEqual(['duplicate card id "rag.chunking"']);
  });

  it('rejects unknown fields and unsafe reference links', () => {
    const card = {
      ...base.cards[0]!,
      answer: { en: 'A', zh: '答' },
      references: [{ title: 'x', url: 'javascript:alert(1)' }],
    };
    const result = validateDeck({ ...base, cards: [card], extra: 1 }, 'f', 'rag');
    expect(result.ok ? [] : result.problems.map((p) => p.field).sort()).toEqual([
      '(root)',
      'cards.0.references.0.url',
    ]);
  });

  it('refuses Markdown the renderer cannot show in time: deep nesting, thousands of marks or formulas', () => {
    const card = (answer: string) => ({ ...base.cards[0]!, answer: { en: 'ok', zh: answer } });
    const problems = (answer: string) => {
      const result = validateDeck({ ...base, cards: [card(answer)] }, 'd.json');
      return result.ok ? [] : result.problems;
    };
    expect(problems('> '.repeat(3_000) + 'x')).toEqual([
      {
        file: 'd.json',
        cardId: 'rag.chunking',
        field: 'cards.0.answer.zh',
        message: 'nests quotes or lists 3,000 levels deep; at most 32',
        reason: { code: 'nesting', values: { value: 3_000, max: 32 } },
      },
    ]);
    expect(problems('*_'.repeat(9_999))).toMatchObject([
      {
        field: 'cards.0.answer.zh',
        message: 'has 19,998 emphasis marks (*, _, ~) in one paragraph; at most 1,000',
      },
    ]);
    expect(problems(Array(600).fill('$x$').join(' '))).toMatchObject([
      { message: expect.stringMatching(/600 formulas/) },
    ]);
    expect(problems('A **fine** answer with $x^2$.')).toEqual([]);
  });
});
