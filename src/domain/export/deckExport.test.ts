import { describe, expect, it } from 'vitest';
import { deck } from '../../../tests/fixtures/data/seed';
import { deckRecord, type CardRecord } from '../deck/records';
import { deckSchema } from '../deck/schema';
import { parseDeckFile } from '../import/parseDeckFile';
import { deckToAnkiTsv, deckToJsonText } from './deckExport';

const source = deck('rag', ['chunking', 'rerank', 'hybrid'], 'RAG');
source.cards[0]!.answer.en = 'Line one\n\n| a | b |\n|---|---|\n| <x> & "y" | z\tw |';
source.cards[1]!.question.zh = '# 标题：什么是 rerank？';
const record = deckRecord(source, 'builtin', 'h');
const cards: CardRecord[] = source.cards.map((c, i) => ({
  ...c,
  deckId: 'rag',
  position: i,
  hash: '',
  retired: i === 2,
}));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('deck export', () => {
  it('writes the app’s deck format, without retired cards, that validates and imports again', () => {
    const text = deckToJsonText(record, [...cards].reverse());
    const parsed = deckSchema.parse(JSON.parse(text));
    expect(parsed.cards.map((c) => c.id)).toEqual(['rag.chunking', 'rag.rerank']);
    const back = parseDeckFile({ fileName: 'rag.json', bytes: bytes(text), name: 'My RAG', lang: 'en' });
    expect(back.ok && back.deck.cards.map((c) => [c.id, c.answer.en])).toEqual([
      ['user-my-rag.chunking', source.cards[0]!.answer.en],
      ['user-my-rag.rerank', source.cards[1]!.answer.en],
    ]);
  });

  it('writes TSV that Anki reads: header lines, HTML fields on one line, tags, GUID', () => {
    const text = deckToAnkiTsv(record, cards, 'en');
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:3',
      '#guid column:4',
      '#columns:Front\tBack\tTags\tGUID',
    ]);
    expect(lines).toHaveLength(7);
    expect(lines[5]).toBe(
      'What is chunking?\t"Line one<br><br>| a | b |<br>|---|---|<br>| &lt;x&gt; &amp; &quot;y&quot; | z\tw |"\ttest\trag.chunking',
    );
  });

  it('imports its own TSV back to the same texts, in either language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const text = deckToAnkiTsv(record, cards, lang);
      const back = parseDeckFile({ fileName: 'rag.tsv', bytes: bytes(text), name: 'Copy', lang });
      expect(back.ok && back.warnings).toEqual([]);
      expect(back.ok && back.deck.cards.map((c) => [c.id, c.question.en, c.answer.en, c.tags])).toEqual(
        source.cards
          .slice(0, 2)
          .map((c) => [`user-copy.${c.id.split('.')[1]}`, c.question[lang], c.answer[lang], c.tags]),
      );
    }
  });
});
