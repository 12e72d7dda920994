import { describe, expect, it } from 'vitest';
import { deck } from '../../../tests/fixtures/data/seed';
import { deckRecord, type CardRecord } from '../deck/records';
import { deckSchema } from '../deck/schema';
import { parseDeckFile } from '../import/parseDeckFile';
import { markdownToAnkiHtml } from './ankiHtml';
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
/** A text as rendered (whitespace outside code does not show). */
const shown = (markdown: string) => markdownToAnkiHtml(markdown).replace(/\s+/g, ' ');

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
      'What is chunking?\t"<p>Line one</p><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>&lt;x&gt; &amp; ""y""</td><td>z\tw</td></tr></tbody></table>"\ttest\trag.chunking',
    );
  });

  it('writes fields as the HTML Anki renders, with math in MathJax’s delimiters, not raw Markdown', () => {
    const card = cards[0]!;
    const rich = {
      ...card,
      answer: {
        en: '**Scaled** by $\\sqrt{d_k}$:\n\n```python\nscores = q @ k.T\nscores /= d ** 0.5\n```\n\n$$\n\\mathrm{softmax}(QK^\\top) < 1\n$$\n\n- one\n- two',
        zh: '**缩放**',
      },
    };
    const line = deckToAnkiTsv(record, [rich], 'en').trimEnd().split('\n')[5]!;
    expect(line).toContain('<strong>Scaled</strong> by \\(\\sqrt{d_k}\\):');
    expect(line).toContain(
      "<pre><code class='language-python'>scores = q @ k.T<br>scores /= d ** 0.5<br></code></pre>",
    );
    expect(line).toContain('<p>\\[\\mathrm{softmax}(QK^\\top) &lt; 1\\]</p>');
    expect(line).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(line.replace(/<pre>.*<\/pre>/, '')).not.toMatch(/\*\*|\$/);
  });

  it('imports its own TSV back to the same texts and math, in either language', () => {
    const rich: CardRecord[] = [
      ...cards.slice(0, 2),
      {
        ...cards[0]!,
        id: 'rag.math',
        position: 3,
        retired: false,
        question: { en: 'Why divide by $\\sqrt{d_k}$?', zh: '为什么除以 $\\sqrt{d_k}$？' },
        answer: {
          en: 'The **variance** of $q\\cdot k$ is $d_k$:\n\n$$\n\\mathrm{Var}(q\\cdot k)=d_k\n$$\n\n```python\nx = q @ k.T / d ** 0.5\n```\n\n- keeps logits at unit variance\n- avoids saturated softmax',
          zh: '$q\\cdot k$ 的**方差**是 $d_k$：\n\n$$\n\\mathrm{Var}(q\\cdot k)=d_k\n$$',
        },
      },
    ];
    for (const lang of ['en', 'zh'] as const) {
      const text = deckToAnkiTsv(record, rich, lang);
      const back = parseDeckFile({ fileName: 'rag.tsv', bytes: bytes(text), name: 'Copy', lang });
      expect(back.ok && back.warnings).toEqual([]);
      if (!back.ok) throw new Error('not imported');
      expect(back.deck.cards.map((c) => [c.id, c.tags])).toEqual(
        rich.slice(0, 3).map((c) => [`user-copy.${c.id.split('.')[1]}`, c.tags]),
      );
      // What the app shows is the same; the math and code come back character for character.
      back.deck.cards.forEach((c, i) => {
        expect(shown(c.question.en)).toBe(shown(rich[i]!.question[lang]));
        expect(shown(c.answer.en)).toBe(shown(rich[i]!.answer[lang]));
      });
      expect(back.deck.cards[2]!.question.en).toBe(rich[2]!.question[lang]);
      expect(back.deck.cards[2]!.answer.en).toBe(rich[2]!.answer[lang]);
    }
  });
});
