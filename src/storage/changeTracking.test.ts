import { describe, expect, it } from 'vitest';
import { newState } from '../domain/scheduling/newState';
import { BULK_CARDS, cardsKey } from './changeTracking';
import { toRow } from './db';
import { freshDb } from './testing';

const stateRow = (deckId: string, i: number) => toRow(newState(`${deckId}.c${i}`, deckId, 3));

describe('card change marks', () => {
  it('keep every card of two writes running at once in one transaction', async () => {
    const db = freshDb();
    await db.transaction('rw', db.states, () =>
      Promise.all([
        db.states.put(stateRow('rag', 1)),
        db.states.bulkPut([stateRow('rag', 2), stateRow('agent', 1)]),
      ]),
    );
    await db.transaction('rw', db.states, () => db.states.put(stateRow('rag', 3)));
    const rag = await db.changes.get(cardsKey('rag'));
    expect(rag?.cardIds?.sort()).toEqual(['rag.c1', 'rag.c2', 'rag.c3']);
    expect((await db.changes.get(cardsKey('agent')))?.cardIds).toEqual(['agent.c1']);
  });

  it('mark the whole deck past the bulk limit, and it stays whole until read', async () => {
    const db = freshDb();
    const many = Array.from({ length: BULK_CARDS + 1 }, (_, i) => stateRow('rag', i));
    await db.transaction('rw', db.states, () => db.states.bulkPut(many.slice(0, BULK_CARDS)));
    expect((await db.changes.get(cardsKey('rag')))?.cardIds).toHaveLength(BULK_CARDS);
    await db.transaction('rw', db.states, () => db.states.put(many[BULK_CARDS]!));
    expect(await db.changes.get(cardsKey('rag'))).not.toHaveProperty('cardIds');
    await db.transaction('rw', db.states, () => db.states.put(stateRow('rag', 0)));
    expect(await db.changes.get(cardsKey('rag'))).not.toHaveProperty('cardIds');
  });

  it('give every write a new stamp, so a reader can tell a later change', async () => {
    const db = freshDb();
    await db.transaction('rw', db.states, () => db.states.put(stateRow('rag', 1)));
    const first = await db.changes.get(cardsKey('rag'));
    await db.transaction('rw', db.states, () => db.states.put(stateRow('rag', 1)));
    const second = await db.changes.get(cardsKey('rag'));
    expect(second?.cardIds).toEqual(['rag.c1']);
    expect(second?.stamp).not.toBe(first?.stamp);
  });
});
