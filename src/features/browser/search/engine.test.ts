import { describe, expect, it } from 'vitest';
import { defaultQuery, type BrowseQuery } from '../../../domain/browse/query';
import { suspendCards } from '../../../storage/cardActions';
import { syncDecks } from '../../../storage/deckSync';
import { saveNote } from '../../../storage/notes';
import { freshDb, testCard, testDeckFile } from '../../../storage/testing';
import { BrowseEngine } from './engine';

const now = new Date(2026, 5, 10, 12).getTime();

const cards = [
  {
    ...testCard('rag', 'chunking'),
    question: { en: 'How do you choose a chunk size for retrieval?', zh: '检索时如何选择分块大小？' },
    answer: { en: 'Balance recall against context noise.', zh: '在召回率和上下文噪声之间权衡。' },
    tags: ['chunking'],
  },
  {
    ...testCard('rag', 'rerank', 'ranking'),
    question: { en: 'Why add a reranker?', zh: '为什么要加重排序模型？' },
    answer: {
      en: 'A cross-encoder scores query and passage together.',
      zh: '交叉编码器同时给查询和段落打分。',
    },
  },
];
const topics = { topics: { t: { en: 'Chunking', zh: '分块' }, ranking: { en: 'Ranking', zh: '排序' } } };

async function engine() {
  const db = freshDb();
  await syncDecks(db, [testDeckFile('rag', cards, 'h', topics)]);
  const e = new BrowseEngine(db);
  await e.refresh();
  return { db, e };
}

const ids = (e: BrowseEngine, q: Partial<BrowseQuery>) =>
  e.search({ ...defaultQuery, ...q }, now, 4, 'en', 100).rows.map((r) => r.cardId);

describe('card search', () => {
  it('finds a card by an English word and by a Chinese word', async () => {
    const { e } = await engine();
    expect(ids(e, { text: 'reranker' })).toEqual(['rag.rerank']);
    expect(ids(e, { text: 'rerank' })).toEqual(['rag.rerank']);
    expect(ids(e, { text: '召回率' })).toEqual(['rag.chunking']);
    expect(ids(e, { text: '重排序' })).toEqual(['rag.rerank']);
    expect(ids(e, { text: '分块 recall' })).toEqual(['rag.chunking']);
    // One character, at the end of a word too, and a word still being typed.
    expect(ids(e, { text: '块' })).toEqual(['rag.chunking']);
    expect(ids(e, { text: '序' })).toEqual(['rag.rerank']);
    expect(ids(e, { text: 'cross-enc' })).toEqual(['rag.rerank']);
  });

  it('lists cards matching in their question before those matching elsewhere', async () => {
    const { e } = await engine();
    expect(ids(e, { text: 'recall' })).toEqual(['rag.chunking']);
    expect(ids(e, { text: '检索' })).toEqual(['rag.chunking']);
    // "query" stands in the reranker's answer only, "retrieval" in the chunking question only.
    expect(ids(e, { text: 'r' }).slice(0, 2)).toEqual(['rag.chunking', 'rag.rerank']);
  });

  it('searches topic names, tags and the user notes, kept current as notes change', async () => {
    const { db, e } = await engine();
    expect(ids(e, { text: 'ranking' })).toEqual(['rag.rerank']);
    await saveNote(db, 'rag.chunking', 'rag', 'At Acme we used 512 tokens', now);
    expect(ids(e, { text: 'acme' })).toEqual([]);
    await e.refresh();
    expect(ids(e, { text: 'acme' })).toEqual(['rag.chunking']);
  });

  it('takes refreshes asked for at once in turn, indexing each card once', async () => {
    const db = freshDb();
    await syncDecks(db, [testDeckFile('rag', cards, 'h', topics)]);
    const e = new BrowseEngine(db);
    await Promise.all([e.refresh(), e.refresh()]);
    expect(ids(e, { text: 'reranker' })).toEqual(['rag.rerank']);
  });

  it('filters suspended cards and re-indexes a deck that changed', async () => {
    const { db, e } = await engine();
    await suspendCards(db, ['rag.rerank']);
    await e.refresh();
    expect(ids(e, { suspended: true })).toEqual(['rag.rerank']);
    // A query without filters lists suspended cards too, and with the filter only them.
    expect(ids(e, { text: 'r' })).toEqual(['rag.chunking', 'rag.rerank']);
    expect(ids(e, { text: 'r', suspended: true })).toEqual(['rag.rerank']);
    const changed = [{ ...cards[0]!, question: { en: 'Pick a chunk size', zh: '选择分块大小' } }, cards[1]!];
    await syncDecks(db, [testDeckFile('rag', changed, 'h2', topics)]);
    await e.refresh();
    expect(ids(e, { text: 'pick' })).toEqual(['rag.chunking']);
    expect(ids(e, { text: 'choose' })).toEqual([]);
  });
});
