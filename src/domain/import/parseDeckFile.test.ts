import { describe, expect, it } from 'vitest';
import { deck as makeDeck } from '../../../tests/fixtures/data/seed';
import { MAX_DECK_BYTES } from './limits';
import { parseDeckFile, type DeckImportParse } from './parseDeckFile';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (fileName: string, content: string | Uint8Array, name: string | null = null) =>
  parseDeckFile({
    fileName,
    bytes: typeof content === 'string' ? bytes(content) : content,
    name,
    lang: 'en',
  });
const problems = (result: DeckImportParse) => (result.ok ? [] : result.problems);

describe('importing a CSV / TSV deck', () => {
  it('makes a user deck named after the file, with ids that survive a re-import', () => {
    const result = parse('LLM basics.csv', 'What is a token?,A unit of text\n"Why, KV cache?","Speed"');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.name).toBe('LLM basics');
    expect(result.deck.id).toBe('user-llm-basics');
    expect(result.deck.cards.map((c) => [c.question.en, c.answer.zh])).toEqual([
      ['What is a token?', 'A unit of text'],
      ['Why, KV cache?', 'Speed'],
    ]);
    const again = parse('renamed.csv', 'What is a token?,A better answer', 'LLM basics');
    expect(again.ok && again.deck.cards[0]!.id).toBe(result.deck.cards[0]!.id);
  });

  it('uses the GUID column for ids, so an exported deck comes back with its card slugs', () => {
    const result = parse('x.tsv', '#guid column:3\nq\ta\trag.chunking', 'Copy');
    expect(result.ok && result.deck.cards[0]!.id).toBe('user-copy.chunking');
  });

  it('names the line and field of every problem, and accepts nothing', () => {
    const long = 'x'.repeat(2_001);
    const result = parse('bad.csv', `q1,a1\nq1,again\nonly a front\n,no front\n${long},a`);
    expect(result.ok).toBe(false);
    expect(
      problems(result).map((p) => [p.code, p.line, p.field ?? null, p.reason ?? p.detail ?? null]),
    ).toEqual([
      ['duplicateRow', 2, null, '1'],
      ['noBack', 3, null, null],
      ['emptyField', 4, 'front', null],
      ['invalid', 5, 'front', { code: 'tooLong', values: { n: 2_000 } }],
    ]);
  });

  it('refuses files that are not UTF-8 text, empty or too large, before parsing them', () => {
    expect(problems(parse('gbk.csv', new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0x61])))).toEqual([
      { code: 'notUtf8' },
    ]);
    expect(problems(parse('deck.apkg', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toMatchObject([
      { code: 'notText' },
    ]);
    expect(problems(parse('empty.csv', ' \n'))).toEqual([{ code: 'empty' }]);
    expect(problems(parse('huge.csv', new Uint8Array(MAX_DECK_BYTES + 1)))).toEqual([
      { code: 'tooLarge', detail: '50.000001 MB > 50 MB' },
    ]);
    expect(problems(parse('huge.csv', new Uint8Array(MAX_DECK_BYTES + 40_000)))).toEqual([
      { code: 'tooLarge', detail: '50.04 MB > 50 MB' },
    ]);
    expect(problems(parse('cut.csv', 'q,"a cut sh'))).toEqual([{ code: 'unterminatedQuote', line: 1 }]);
  });

  it('keeps tags as slugs and says which it could not keep', () => {
    const result = parse('t.tsv', 'q\ta\tChemistry::Organic 化学 ok');
    expect(result.ok && result.deck.cards[0]!.tags).toEqual(['chemistry-organic', 'ok']);
    expect(result.ok && result.warnings).toMatchObject([{ code: 'tagsDropped', line: 1, detail: '化学' }]);
  });
});

describe('importing a JSON deck', () => {
  const file = JSON.stringify(makeDeck('rag', ['chunking', 'rerank'], 'RAG'));

  it('moves the deck under a user id, keeping card slugs and its own title', () => {
    const result = parse('rag.json', file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deck.id).toBe('user-rag');
    expect(result.deck.title).toEqual({ en: 'RAG', zh: 'RAG' });
    expect(result.deck.cards.map((c) => c.id)).toEqual(['user-rag.chunking', 'user-rag.rerank']);
    const renamed = parse('rag.json', file, 'My RAG');
    expect(renamed.ok && [renamed.deck.id, renamed.deck.title.zh]).toEqual(['user-my-rag', 'My RAG']);
  });

  it('names the card and field that are wrong', () => {
    const broken = JSON.parse(file);
    broken.cards[1].difficulty = 9;
    expect(problems(parse('rag.json', JSON.stringify(broken)))).toMatchObject([
      { code: 'invalid', cardId: 'rag.rerank', field: 'cards.1.difficulty' },
    ]);
  });

  it('refuses prototype keys, cut-off files, infinite numbers and backups', () => {
    const proto = file.replace('"version":1', '"version":1,"__proto__":{"polluted":true}');
    expect(problems(parse('p.json', proto))).toEqual([
      { code: 'forbiddenKey', field: '__proto__', detail: '__proto__' },
    ]);
    expect(problems(parse('t.json', file.slice(0, 200)))).toMatchObject([{ code: 'truncated', line: 1 }]);
    expect(problems(parse('n.json', file.replace('"version":1', '"version":1e999')))).toEqual([
      { code: 'notFinite', field: 'version' },
    ]);
    expect(problems(parse('b.json', '{"format":"interview-recall-backup","version":1}'))).toEqual([
      { code: 'isBackup' },
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('accepts topics named like Object members ("constructor", "prototype"); only __proto__ is refused', () => {
    const raw = JSON.parse(file);
    raw.topics = { constructor: { en: 'Constructors', zh: '构造函数' }, prototype: { en: 'P', zh: 'P' } };
    raw.cards[0].topic = 'constructor';
    raw.cards[1].topic = 'prototype';
    const result = parse('c.json', JSON.stringify(raw));
    expect(problems(result)).toEqual([]);
    expect(result.ok && Object.entries(result.deck.topics ?? {})).toContainEqual([
      'constructor',
      raw.topics.constructor,
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses a CSV card whose Markdown nests too deep, naming its line and field', () => {
    const result = parse('deep.csv', `q,ok\nquestion,"${'> '.repeat(3_000)}x"`);
    expect(problems(result)).toEqual([
      {
        code: 'invalid',
        row: 2,
        line: 2,
        field: 'back',
        reason: { code: 'nesting', values: { value: 3_000, max: 32 } },
      },
    ]);
  });
});
