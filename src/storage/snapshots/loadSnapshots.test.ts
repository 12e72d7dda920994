import { describe, expect, it } from 'vitest';
import { newState } from '../../domain/scheduling/newState';
import { Rating, type SchedState } from '../../domain/scheduling/types';
import { fromRow, type AppDb } from '../db';
import { syncDecks, type DeckFile } from '../deckSync';
import { recordReview, undoReview } from '../reviews';
import { freshDb, testCard, testDeckFile } from '../testing';
import { currentUsn } from '../changeSequence';
import { loadSnapshots, refreshSnapshots } from './loadSnapshots';
import { SnapshotCache, SNAPSHOTS_META } from './snapshotCache';
import { packSnapshot, SNAPSHOT_FORMAT, unpackSnapshot } from './stateSnapshot';
import { testScheduler } from '../../domain/scheduling/testScheduler';

const deckFile = (deckId: string, n: number, hash: string, topic = (i: number) => `t${i % 3}`): DeckFile =>
  testDeckFile(
    deckId,
    Array.from({ length: n }, (_, i) => testCard(deckId, `c${i}`, topic(i))),
    hash,
  );
const scheduler = testScheduler();
const t0 = new Date(2026, 4, 2, 9).getTime();

/** What the snapshots must equal: every state and topic, read straight from the records. */
async function truth(db: AppDb) {
  const [states, cards] = await Promise.all([db.states.toArray(), db.cards.toArray()]);
  const topic = new Map(cards.map((c) => [c.id, c.topic]));
  return states
    .map((row) => ({ state: fromRow(row), topic: topic.get(row.cardId) }))
    .sort((a, b) => a.state.cardId.localeCompare(b.state.cardId));
}

async function viaSnapshots(db: AppDb) {
  const byDeck = await loadSnapshots(db, null);
  return [...byDeck.values()].flat().sort((a, b) => a.state.cardId.localeCompare(b.state.cardId));
}

/** Lets the snapshot write that loadSnapshots starts in the background finish. */
const settled = (db: AppDb) => db.transaction('rw', db.snapshots, db.meta, () => undefined);

/** The change sequence number each role's stored snapshot covers. */
const versions = async (db: AppDb) =>
  ((await db.meta.get(SNAPSHOTS_META))?.value ?? {}) as Record<string, number>;

async function review(db: AppDb, cardId: string, rating: Rating, at: number, logId: string) {
  const row = await db.states.get(cardId);
  const { next, log } = scheduler.answer(fromRow(row!), rating, at, 4000, logId);
  await recordReview(db, next, log);
  return { previous: fromRow(row!) as SchedState, log };
}

describe('state snapshots', () => {
  it('pack and unpack keep every field of every state, nulls and topics included', () => {
    const states: SchedState[] = [
      {
        cardId: 'rag.a',
        deckId: 'rag',
        state: 2,
        due: t0 + 5,
        stability: 12.5,
        difficulty: 6.25,
        scheduledDays: 12,
        learningSteps: 0,
        reps: 7,
        lapses: 1,
        lastReview: t0,
        hidden: 'suspended',
      },
      { ...newState('rag.b', 'rag', 3), hidden: 'retired' },
      newState('rag.c', 'rag', 3),
    ];
    const entries = states.map((state, i) => ({ state, topic: i === 2 ? undefined : `topic ${i % 2}` }));
    expect(unpackSnapshot(packSnapshot('rag', entries))).toEqual(entries);
  });

  it('match the records after syncs, reviews, undo, a deck change and a clear', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 30, 'r1'), deckFile('agent', 5, 'a1')]);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
    await settled(db);
    expect(await db.snapshots.count()).toBe(2);

    // Patched from the change rows: a few reviews and an undo.
    const done = [];
    for (let i = 0; i < 6; i++) done.push(await review(db, `rag.c${i}`, Rating.Good, t0 + i * 1000, `l${i}`));
    await review(db, 'agent.c1', Rating.Again, t0, 'la');
    const last = done[5]!;
    await undoReview(db, last.previous, last.log.id);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
    await settled(db);
    const usn = await currentUsn(db);
    expect(await versions(db)).toEqual({ rag: usn, agent: usn });

    // A new deck version: topics move, cards appear and one is retired.
    await syncDecks(db, [deckFile('rag', 31, 'r2', (i) => `moved${i % 2}`), deckFile('agent', 4, 'a2')]);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
    await settled(db);

    await review(db, 'rag.c30', Rating.Easy, t0 + 99_000, 'lz');
    expect(await viaSnapshots(db)).toEqual(await truth(db));

    // A clear (as a restore does) leaves no stale copy behind.
    await db.transaction('rw', db.states, () => db.states.clear());
    expect((await loadSnapshots(db, ['rag'])).get('rag')).toEqual([]);
    await settled(db);
    expect(await viaSnapshots(db)).toEqual([]);
  });

  it('a card changed after the snapshots were read is picked up next time', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 3, 'r1')]);
    await refreshSnapshots(db);
    const first = loadSnapshots(db, ['rag']);
    await review(db, 'rag.c2', Rating.Hard, t0, 'l1');
    await first;
    await settled(db);
    const again = (await loadSnapshots(db, ['rag'])).get('rag')!;
    expect(again.find((e) => e.state.cardId === 'rag.c2')?.state.reps).toBe(1);
    expect(again).toEqual((await truth(db)).filter((e) => e.state.deckId === 'rag'));
  });

  it('a role with no snapshot yet (an upgraded database) is built from the records', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 4, 'r1')]);
    await db.transaction('rw', db.snapshots, db.meta, async () => {
      await db.snapshots.clear();
      await db.meta.delete(SNAPSHOTS_META);
    });
    expect(await viaSnapshots(db)).toEqual(await truth(db));
  });

  it('built from the records, give each card its topic whether or not its deck declares that topic', async () => {
    const db = freshDb();
    const declared = Object.fromEntries(['t0', 't1', 't2'].map((t) => [t, { en: t, zh: t }]));
    const cards = (deckId: string) =>
      Array.from({ length: 9 }, (_, i) => testCard(deckId, `c${i}`, `t${i % 3}`));
    await syncDecks(db, [
      testDeckFile('rag', cards('rag'), 'h1', { topics: declared }),
      testDeckFile('llm', cards('llm'), 'h1', { topics: declared }),
    ]);
    // Only in the records (data from before topics were checked): the deck does not declare it.
    await db.cards.update('llm.c4', { topic: 'undeclared' });
    const built = await viaSnapshots(db);
    expect(built).toEqual(await truth(db));
    expect(built.find((e) => e.state.cardId === 'llm.c4')!.topic).toBe('undeclared');
    expect(built.find((e) => e.state.cardId === 'rag.c4')!.topic).toBe('t1');
  });

  it('a snapshot stored with its card ids as an array (before they were joined) is read, then stored joined', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 5, 'r1')]);
    await refreshSnapshots(db);
    const { ids, ...columns } = (await db.snapshots.get('rag'))!;
    await db.snapshots.put({ ...columns, cardIds: ids.split('\n') } as never);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
    await settled(db);
    const stored = (await db.snapshots.get('rag')) as unknown as Record<string, unknown>;
    expect(stored.ids).toBe(ids);
    expect(stored.cardIds).toBeUndefined();
    expect(await viaSnapshots(db)).toEqual(await truth(db));
  });

  it('a snapshot stored in another format is rebuilt from the records, and stored in this one', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 5, 'r1')]);
    await refreshSnapshots(db);
    // A format this code does not know, holding nothing it could read.
    await db.snapshots.put({ ...packSnapshot('rag', []), format: SNAPSHOT_FORMAT + 1 });
    expect(await viaSnapshots(db)).toEqual(await truth(db));
    await settled(db);
    expect((await db.snapshots.get('rag'))?.format).toBe(SNAPSHOT_FORMAT);
    // One written before formats were recorded counts as format 1.
    const { format: _format, ...unversioned } = (await db.snapshots.get('rag'))!;
    await db.snapshots.put(unversioned);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
  });

  it('held in a cache stay right when another connection writes the snapshots meanwhile', async () => {
    const db = freshDb();
    await syncDecks(db, [deckFile('rag', 6, 'r1'), deckFile('agent', 3, 'a1')]);
    const cache = new SnapshotCache();
    const cached = async () =>
      [...(await loadSnapshots(db, null, cache)).values()]
        .flat()
        .sort((a, b) => a.state.cardId.localeCompare(b.state.cardId));
    expect(await cached()).toEqual(await truth(db));
    await review(db, 'rag.c1', Rating.Good, t0, 'l1');
    expect(await cached()).toEqual(await truth(db));
    // The idle upkeep (its own connection, no cache) applies a review and writes a newer version.
    await review(db, 'rag.c2', Rating.Again, t0 + 1000, 'l2');
    await refreshSnapshots(db);
    expect((await versions(db)).rag).toBe(await currentUsn(db));
    expect(await cached()).toEqual(await truth(db));
    await review(db, 'agent.c0', Rating.Easy, t0 + 2000, 'l3');
    expect(await cached()).toEqual(await truth(db));
    await settled(db);
    expect(await viaSnapshots(db)).toEqual(await truth(db));
  });
});
