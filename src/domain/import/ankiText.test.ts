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
        front: 'Front bold',
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
    expect(file.notes[0]).toMatchObject({ front: 'q\ntwo', back: 'a <b>' });
    expect(file.warnings.map((w) => w.code)).toContain('htmlConverted');
    expect(read('#html:false\nq<br>\ta', 'a.tsv').notes[0]!.front).toBe('q<br>');
  });

  it('notes a row with no back, and warns about columns it ignores', () => {
    const file = read('only front\nq,a,t,ignored', 'a.csv');
    expect(file.notes[0]!.back).toBeNull();
    expect(file.warnings.map((w) => [w.code, w.line])).toEqual([['extraColumns', 2]]);
  });
});
