import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../domain/scheduling/types';
import { fromRow } from './db';
import { syncDecks, type DeckFile } from './deckSync';
import { recordReview } from './reviews';
import { countWrites, freshDb } from './testing';
import { testScheduler } from '../domain/scheduling/testScheduler';

const card = (id: string, answer = 'An answer') => ({
  id: `rag.${id}`,
  topic: 'basics',
  tags: [],
  difficulty: 1,
  type: 'concept',
  question: { en: `Q ${id}`, zh: `问 ${id}` },
  answer: { en: answer, zh: '答' },
});
const deck = (cards: unknown[]) => ({
  id: 'rag',
  version: 1,
  title: { en: 'RAG', zh: 'RAG' },
  description: { en: 'd', zh: 'd' },
  cards,
});
const file = (content: unknown, hash: string, id = 'rag'): DeckFile => ({
  id,
  file: `decks/${id}.json`,
  hash,
  load: async () => content,
});
const scheduler = testScheduler();
const now = new Date(2026, 4, 2, 9).getTime();

describe('syncDecks', () => {
  it('loads new decks with a new state per card', async () => {
    const db = freshDb();
    const report = await syncDecks(db, [file(deck([card('a'), card('b')]), 'h1')]);
    expect(report).toEqual({ synced: ['rag'], unchanged: [], problems: [] });
    expect(await db.cards.count()).toBe(2);
    expect((await db.states.toArray()).map((s) => [s.cardId, s.state, s.queue])).toEqual([
      ['rag.a', 0, 0],
      ['rag.b', 0, 0],
    ]);
  });

  it('writes nothing, and does not even load the file, when nothing changed', async () => {
    const db = freshDb();
    const writes = await countWrites(db);
    await syncDecks(db, [file(deck([card('a')]), 'h1')]);
    const afterFirstSync = writes.count;
    expect(afterFirstSync).toBeGreaterThan(0);
    let loaded = false;
    const report = await syncDecks(db, [{ ...file(null, 'h1'), load: async () => ((loaded = true), null) }]);
    expect(report.unchanged).toEqual(['rag']);
    expect(loaded).toBe(false);
    expect(writes.count).toBe(afterFirstSync);
  });

  it('keeps progress when the deck changes a card and drops another', async () => {
    const db = freshDb();
    await syncDecks(db, [file(deck([card('a'), card('b')]), 'h1')]);
    for (const id of ['rag.a', 'rag.b']) {
      const state = fromRow((await db.states.get(id))!);
      const { next, log } = scheduler.answer(state, Rating.Easy, now, 1000, `log-${id}`);
      await recordReview(db, next, log);
    }
    const before = fromRow((await db.states.get('rag.a'))!);

    await syncDecks(db, [file(deck([card('a', 'A rewritten answer')]), 'h2')]);

    expect((await db.cards.get('rag.a'))!.answer.en).toBe('A rewritten answer');
    expect(fromRow((await db.states.get('rag.a'))!)).toEqual(before);
    const dropped = await db.states.get('rag.b');
    expect(dropped).toMatchObject({ state: CardState.Review, hidden: 'retired', queue: -2 });
    expect((await db.cards.get('rag.b'))!.retired).toBe(true);
    expect(await db.logs.count()).toBe(2);

    await syncDecks(db, [file(deck([card('a', 'A rewritten answer'), card('b')]), 'h3')]);
    expect(await db.states.get('rag.b')).toMatchObject({ state: CardState.Review, hidden: null, queue: 2 });
  });

  it('reports an invalid deck by file, card and field, writes nothing for it, and still loads the others', async () => {
    const db = freshDb();
    const broken = deck([{ ...card('a'), difficulty: 7 }]);
    const other = { ...deck([{ ...card('x'), id: 'agent.x' }]), id: 'agent' };
    const report = await syncDecks(db, [file(broken, 'h1'), file(other, 'h2', 'agent')]);
    expect(report.synced).toEqual(['agent']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      file: 'decks/rag.json',
      cardId: 'rag.a',
      field: 'cards.0.difficulty',
    });
    expect(await db.cards.where('deckId').equals('rag').count()).toBe(0);
    expect(await db.decks.get('rag')).toBeUndefined();
  });
});
