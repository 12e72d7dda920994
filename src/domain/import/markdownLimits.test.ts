import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDER_LIMITS, markdownChunks, markdownOverLimit, scanMarkdown } from './markdownLimits';

const stats = (text: string) => scanMarkdown(text).stats;

describe('Markdown limits', () => {
  it('measures nesting of quotes and lists, and of brackets in code, in one linear pass', () => {
    expect(stats('> > > x').nesting).toBe(3);
    expect(stats('- a\n  - b\n    - c').nesting).toBe(3);
    expect(stats('1. a\n   > - b').nesting).toBe(3);
    expect(markdownOverLimit('> '.repeat(3_000) + 'x')).toEqual({ limit: 'nesting', value: 3_000 });
    const list = Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i % 200)}- a`).join('\n');
    expect(markdownOverLimit(list)).toMatchObject({ limit: 'nesting' });
    const fstring = '```python\n' + 'f"{'.repeat(3_000) + 'x' + '}"'.repeat(3_000) + '\n```';
    expect(markdownOverLimit(fstring)).toEqual({ limit: 'codeNesting', value: 3_000 });
    expect(stats('```\n{[()]} ((x))\n```').codeNesting).toBe(3);
  });

  it('counts emphasis delimiters but not underscores inside words', () => {
    expect(stats('**bold** and _it_ and ~~gone~~').delimitersPerBlock).toBe(10);
    expect(stats('max_new_tokens and top_p').delimitersPerBlock).toBe(0);
    expect(markdownOverLimit('*_'.repeat(9_999))).toMatchObject({ limit: 'delimitersPerBlock' });
    expect(markdownOverLimit('*_'.repeat(100))).toEqual({ limit: 'delimiterRun', value: 200 });
    expect(markdownOverLimit('*a '.repeat(4_999) + 'x' + ' a*'.repeat(4_999))).toMatchObject({
      limit: 'delimitersPerBlock',
    });
    expect(markdownOverLimit('*a '.repeat(40) + 'x' + ' a*'.repeat(40))).toEqual({
      limit: 'emphasisNesting',
      value: 40,
    });
    expect(markdownOverLimit(Array(150).fill('- item **bold** and *it*').join('\n'))).toBeNull();
    expect(
      markdownOverLimit(Array.from({ length: 60 }, () => 'Some **bold** text.').join('\n\n')),
    ).toBeNull();
  });

  it('counts formulas and matrix cells', () => {
    expect(stats('$a$ and $$b$$ and `$c$` and \\$5').formulas).toBe(2);
    expect(stats('$$\n\\begin{pmatrix}a & b \\\\ c & d\\end{pmatrix}\n$$').mathCells).toBe(3);
    expect(markdownOverLimit(Array(600).fill('$x^2$').join(' '))).toMatchObject({
      limit: 'formulasPerBlock',
    });
    expect(markdownOverLimit(Array(40).fill(Array(10).fill('$x$').join(' ')).join('\n\n'))).toEqual({
      limit: 'formulas',
      value: 400,
    });
    const matrix =
      '$$\\begin{pmatrix}' + Array(100).fill(Array(40).fill('1').join('&')).join('\\\\') + '\\end{pmatrix}$$';
    expect(markdownOverLimit(matrix)).toMatchObject({ limit: 'mathCells' });
  });

  it('counts the characters of math in a paragraph, refusing over 1,000 at import but still rendering them', () => {
    expect(stats('$\\alpha$ and $$x$$ and `$c$`').mathCharsPerBlock).toBe(7);
    expect(stats('$$\n\\frac{a}{b}\n\n+ c\n$$\n\n$x$').mathCharsPerBlock).toBe(14);
    const formula = '$\\frac{\\sum_{k=1}^{n} x_k^2}{\\sqrt{\\alpha + \\beta}}$';
    expect(stats(formula).mathCharsPerBlock).toBe(50);
    const paragraph = (n: number) => Array(n).fill(formula).join(' ');
    expect(markdownOverLimit(paragraph(20))).toBeNull();
    expect(markdownOverLimit(paragraph(21))).toEqual({ limit: 'mathCharsPerBlock', value: 1_050 });
    expect(markdownOverLimit(paragraph(21), RENDER_LIMITS)).toBeNull();
    expect(markdownOverLimit([paragraph(20), paragraph(20)].join('\n\n'))).toBeNull();
  });

  it('accepts every built-in card', () => {
    const dir = 'decks';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json')) {
      const deck = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as {
        cards: Record<string, unknown>[];
      };
      for (const card of deck.cards) {
        for (const field of ['question', 'answer', 'pitfalls'] as const) {
          const value = card[field] as { en: string; zh: string } | undefined;
          for (const text of value ? [value.en, value.zh] : [])
            expect([card.id, field, markdownOverLimit(text)]).toEqual([card.id, field, null]);
        }
      }
    }
  });

  it('cuts a long text into chunks of whole blocks, keeping lists, quotes and code whole', () => {
    const para = 'A paragraph of some length, with $x$ in it. '.repeat(10);
    const text = [
      para,
      para,
      '- one\n- two',
      '',
      '- three',
      para,
      '```\ncode\n\nmore\n```',
      para,
      '> q',
      '',
      '> r',
      para,
      para,
    ].join('\n\n');
    const chunks = markdownChunks(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk).not.toMatch(/^(- |> |\s)/);
    expect(markdownChunks('short')).toEqual(['short']);
  });
});
