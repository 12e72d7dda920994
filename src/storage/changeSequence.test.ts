import { describe, expect, it } from 'vitest';
import { Scheduler, newState } from '../domain/scheduling/scheduler';
import { Rating } from '../domain/scheduling/types';
import { deleteDeckRows } from './backup/replaceDeck';
import { flagCards, suspendCards, undoCardChange } from './cardActions';
import { changesSince, currentUsn } from './changeSequence';
import { toRow } from './db';
import { notesStamp, saveNote } from './notes';
import { recordReview, undoReview } from './reviews';
import { failWrites, freshDb } from './testing';

const scheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: false,
  maximumInterval: 36500,
});
const now = new Date(2026, 4, 2, 9).getTime();

async function seeded() {
  const db = freshDb();
  await db.states.bulkPut([newState('rag.a', 'rag', 0), newState('rag.b', 'rag', 1)].map(toRow));
  return { db, since: await currentUsn(db) };
}

describe('the change sequence', () => {
  it('stamps a review (state and log) with one new number, which a reader finds above its own', async () => {
    const { db, since } = await seeded();
    const { next, log } = scheduler.answer(newState('rag.a', 'rag', 0), Rating.Good, now, 3000, 'l1');
    await recordReview(db, next, log);
    const { usn, changes, bulk } = await changesSince(db, since);
    expect(usn).toBe(since + 1);
    expect(bulk).toEqual([]);
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: 'states', key: 'rag.a', deckId: 'rag', usn },
        { table: 'logs', key: 'l1', deckId: 'rag', review: log.review, usn },
      ]),
    );
    expect(changes).toHaveLength(2);
    expect((await changesSince(db, usn)).changes).toEqual([]);
  });

  it('lists every review deleted, however many in one write (sync sends a record of each)', async () => {
    const { db } = await seeded();
    const logs = Array.from({ length: 1_500 }, (_, i) => ({
      ...scheduler.answer(newState('rag.a', 'rag', 0), Rating.Good, now + i, 3000, `bulk${i}`).log,
    }));
    await db.logs.bulkAdd(logs);
    const since = await currentUsn(db);
    await db.logs.bulkDelete(logs.map((l) => l.id));
    const { changes, bulk } = await changesSince(db, since);
    expect(bulk).toEqual([]);
    expect(changes.filter((c) => c.table === 'logs' && c.deleted).map((c) => c.key)).toEqual(
      logs.map((l) => l.id),
    );
  });

  it('records an undone review as its state changed again and its log deleted', async () => {
    const { db } = await seeded();
    const initial = newState('rag.a', 'rag', 0);
    const { next, log } = scheduler.answer(initial, Rating.Good, now, 3000, 'l1');
    await recordReview(db, next, log);
    const since = await currentUsn(db);
    await undoReview(db, initial, 'l1', next);
    const { usn, changes } = await changesSince(db, since);
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: 'states', key: 'rag.a', deckId: 'rag', usn },
        { table: 'logs', key: 'l1', deckId: 'rag', review: log.review, usn, deleted: true },
      ]),
    );
  });

  it("stamps the user's own card data: suspension, flags, notes, and their undo", async () => {
    const { db, since } = await seeded();
    await suspendCards(db, ['rag.a']);
    const flagged = await flagCards(db, ['rag.b'], 2);
    const note = await saveNote(db, 'rag.b', 'rag', 'remember the chunk overlap', now);
    await undoCardChange(db, flagged);
    await undoCardChange(db, { kind: 'note', ...note });
    const { usn, changes } = await changesSince(db, since);
    expect(usn).toBe(since + 5);
    expect(changes).toEqual([
      { table: 'states', key: 'rag.a', deckId: 'rag', usn: since + 1 },
      { table: 'states', key: 'rag.b', deckId: 'rag', usn: since + 4 },
      { table: 'notes', key: 'rag.b', deckId: 'rag', usn: since + 5, deleted: true },
    ]);
    expect((await changesSince(db, since + 2)).changes.map((c) => c.usn)).toEqual([since + 4, since + 5]);
  });

  it('takes no number and leaves no entry when the write fails', async () => {
    const { db, since } = await seeded();
    await failWrites(db, 'logs');
    const { next, log } = scheduler.answer(newState('rag.a', 'rag', 0), Rating.Good, now, 3000, 'l1');
    await expect(recordReview(db, next, log)).rejects.toThrow();
    expect(await changesSince(db, since)).toEqual({ usn: since, changes: [], bulk: [] });
  });

  it('says a deck deletion once, as a bulk change of that deck, without an entry per row', async () => {
    const { db } = await seeded();
    const { next, log } = scheduler.answer(newState('rag.a', 'rag', 0), Rating.Good, now, 3000, 'l1');
    await recordReview(db, next, log);
    const since = await currentUsn(db);
    await db.transaction('rw', [db.decks, db.cards, db.states, db.logs, db.days, db.notes], () =>
      deleteDeckRows(db, 'rag'),
    );
    expect(await changesSince(db, since)).toEqual({ usn: since + 1, changes: [], bulk: ['rag'] });
  });

  it('gives transactions running at once (two tabs) numbers of their own, in the order they commit', async () => {
    const { db, since } = await seeded();
    const a = scheduler.answer(newState('rag.a', 'rag', 0), Rating.Good, now, 1, 'la');
    const b = scheduler.answer(newState('rag.b', 'rag', 1), Rating.Good, now, 1, 'lb');
    await Promise.all([recordReview(db, a.next, a.log), recordReview(db, b.next, b.log)]);
    const { usn, changes } = await changesSince(db, since);
    expect(usn).toBe(since + 2);
    expect(changes.map((c) => [c.key, c.usn])).toEqual([
      ['rag.a', since + 1],
      ['la', since + 1],
      ['rag.b', since + 2],
      ['lb', since + 2],
    ]);
  });

  it('writes nothing and takes no number for a read-only transaction', async () => {
    const { db, since } = await seeded();
    await db.transaction('r', db.states, () => db.states.toArray());
    await db.transaction('rw', db.states, () => db.states.get('rag.a'));
    expect(await currentUsn(db)).toBe(since);
  });

  it("moves the card search's notes stamp to the number of every transaction that writes notes, and of no other", async () => {
    const { db } = await seeded();
    await db.notes.put({ cardId: 'rag.a', deckId: 'rag', text: 'first', updated: now });
    const first = await notesStamp(db);
    expect(first).toBe(await currentUsn(db));
    await suspendCards(db, ['rag.a']);
    expect(await notesStamp(db)).toBe(first);
    await saveNote(db, 'rag.b', 'rag', 'second', now);
    expect(await notesStamp(db)).toBe(await currentUsn(db));
    // A deck deletion (bulk) that removes notes moves it too.
    await db.transaction('rw', [db.decks, db.cards, db.states, db.logs, db.days, db.notes], () =>
      deleteDeckRows(db, 'rag'),
    );
    expect(await notesStamp(db)).toBe(await currentUsn(db));
  });
});
