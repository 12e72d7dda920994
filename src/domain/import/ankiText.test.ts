import { describe, expect, it } from 'vitest';
import { readAnkiText } from './ankiText';

const read = (text: string, fileName = 'deck.txt') => {
  const result = readAnkiText(text, fileName);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.file;
};

describe('readAnkiText', () => {
  it('reads front, back and space-separated tags, guessing the separator', () => {
    const file = read(
      'What is RAG?\tRetrieval-augmented generation\trag llm\nKV cache?\tCached keys and values',
    );
    expect(file.separator).toBe('\t');
    expect(file.notes.map((n) => [n.front, n.back, n.tags])).toEqual([
      ['What is RAG?', 'Retrieval-augmented generation', ['rag', 'llm']],
      ['KV cache?', 'Cached keys and values', []],
    ]);
    expect(read('q;a;t\nq2;a2', 'x.csv').separator).toBe(';');
    expect(read('q,"a; b"\nq2,a2', 'x.csv').separator).toBe(',');
  });

  it('follows Anki header lines: separator, html, tags for all, tags and guid columns', () => {
    const file = read(
      [
        '#separator:Pipe',
        '#html:true',
        '#tags:imported deck::one',
        '#guid column:1',
        '#tags column:4',
        'g1|Front <b>bold</b>|Line one<br>line two &amp; more|extra',
      ].join('\n'),
    );
    expect(file.html).toBe(true);
    expect(file.notes).toEqual([
      {
        row: 1,
        line: 6,
        // Anki's bold is bold here too: HTML fields become Markdown.
        front: 'Front **bold**',
        back: 'Line one\nline two & more',
        tags: ['imported', 'deck::one', 'extra'],
        guid: 'g1',
      },
    ]);
  });

  it('maps columns by the #columns header and reads the legacy tags: first line', () => {
    const file = read('tags:old\n#columns:Tags,Back,Front\nt1,the back,the front', 'a.csv');
    expect(file.notes.map((n) => [n.front, n.back, n.tags])).toEqual([
      ['the front', 'the back', ['old', 't1']],
    ]);
  });

  it('skips a first row that only names the columns, and says so', () => {
    const file = read('front,back,tags\nq,a,t', 'a.csv');
    expect(file.notes).toHaveLength(1);
    expect(file.warnings.map((w) => w.code)).toEqual(['headerRowSkipped']);
  });

  it('treats fields as HTML when they look like it, and tells the user', () => {
    const file = read('q<br>two\ta &lt;b&gt;', 'a.tsv');
    // A literal `<b>` stays text, escaped so Markdown shows it as typed.
    expect(file.notes[0]).toMatchObject({ front: 'q\ntwo', back: 'a \\<b>' });
    expect(file.warnings.map((w) => w.code)).toContain('htmlConverted');
    expect(read('#html:false\nq<br>\ta', 'a.tsv').notes[0]!.front).toBe('q<br>');
  });

  it('reads Anki’s MathJax, tables and code as Markdown and math', () => {
    const file = read(
      [
        '#html:true',
        'Why \\(\\sqrt{d_k}\\)?\t<div>Because</div><div>\\[\\mathrm{Var}=d_k\\]</div>' +
          '<table><tr><th>a</th><th>b</th></tr><tr><td><i>x</i></td><td>y</td></tr></table>' +
          "<pre><code class='language-python'>x = 1<br>y = 2</code></pre>",
      ].join('\n'),
      'a.txt',
    );
    expect(file.notes[0]!.front).toBe('Why $\\sqrt{d_k}$?');
    expect(file.notes[0]!.back).toBe(
      'Because\n\n$$\n\\mathrm{Var}=d_k\n$$\n\n| a | b |\n| - | - |\n| *x* | y |\n\n```python\nx = 1\ny = 2\n```',
    );
  });

  it('notes a row with no back, and warns about columns it ignores', () => {
    const file = read('only front\nq,a,t,ignored', 'a.csv');
    expect(file.notes[0]!.back).toBeNull();
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([['extraColumns', 2]]);
  });
});
