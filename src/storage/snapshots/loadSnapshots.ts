import Dexie from 'dexie';
import type { SchedState } from '../../domain/scheduling/types';
import { ALL_CARDS, cardsKey, type ChangeRow } from '../changeTracking';
import { fromRow, type AppDb } from '../db';
import { packSnapshot, unpackSnapshot, type CardEntry, type StateSnapshot } from './stateSnapshot';

export type { CardEntry } from './stateSnapshot';

const isWhole = (row: ChangeRow) => !row.cardIds;

/** card id → topic from the [deckId+topic] index alone (keys, no card content). */
async function topicsOf(db: AppDb, deckId: string): Promise<Map<string, string>> {
  const range = () =>
    db.cards.where('[deckId+topic]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
  const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  return new Map(ids.map((id, i) => [id, String((keys[i] as unknown as [string, string])[1])]));
}

async function build(db: AppDb, deckId: string): Promise<CardEntry[]> {
  const [rows, topics] = await Promise.all([
    db.states.where('deckId').equals(deckId).toArray(),
    topicsOf(db, deckId),
  ]);
  return rows.map((row) => ({ state: fromRow(row), topic: topics.get(row.cardId) }));
}

/** The snapshot with the changed cards re-read: replaced, added, or dropped when gone. */
async function patch(db: AppDb, snap: StateSnapshot, changed: string[]): Promise<CardEntry[]> {
  const entries = unpackSnapshot(snap);
  if (changed.length === 0) return entries;
  const [states, cards] = await Promise.all([db.states.bulkGet(changed), db.cards.bulkGet(changed)]);
  const at = new Map(entries.map((e, i) => [e.state.cardId, i]));
  const gone = new Set<number>();
  changed.forEach((cardId, k) => {
    const row = states[k];
    const i = at.get(cardId);
    if (!row) {
      if (i !== undefined) gone.add(i);
      return;
    }
    const entry = { state: fromRow(row), topic: cards[k]?.topic };
    if (i === undefined) entries.push(entry);
    else entries[i] = entry;
  });
  return gone.size ? entries.filter((_, i) => !gone.has(i)) : entries;
}

interface Loaded {
  deckId: string;
  entries: CardEntry[];
  /** Whether the stored snapshot is out of date (and so worth writing). */
  stale: boolean;
  seen: ChangeRow[];
}

async function loadOne(db: AppDb, deckId: string, seen: ChangeRow[]): Promise<Loaded> {
  const snap = await db.snapshots.get(deckId);
  if (!snap || seen.some(isWhole)) return { deckId, entries: await build(db, deckId), stale: true, seen };
  const changed = seen.flatMap((r) => r.cardIds ?? []);
  return { deckId, entries: await patch(db, snap, changed), stale: changed.length > 0, seen };
}

/**
 * Writes the snapshots just brought up to date and drops the change rows they applied, unless a
 * write marked them again meanwhile (the stamp moved on). If every card was marked (`card*`,
 * a clear), the other roles' snapshots are dropped too: they are rebuilt when next read.
 */
function persist(db: AppDb, loaded: Loaded[]): Promise<void> {
  const stale = loaded.filter((l) => l.stale);
  if (stale.length === 0) return Promise.resolve();
  const seen = new Map(stale.flatMap((l) => l.seen.map((r) => [r.key, r.stamp] as const)));
  return db.transaction('rw', [db.snapshots, db.changes], async () => {
    const everything = await db.changes.get(ALL_CARDS);
    if (everything && seen.get(ALL_CARDS) !== everything.stamp) return;
    if (everything) await db.snapshots.clear();
    await db.snapshots.bulkPut(stale.map((l) => packSnapshot(l.deckId, l.entries)));
    const now = await db.changes.bulkGet([...seen.keys()]);
    const applied = now.flatMap((row) => (row && seen.get(row.key) === row.stamp ? [row.key] : []));
    await db.changes.bulkDelete(applied);
  });
}

/** Reads the snapshots of the given roles (null: every role) and patches them, in one read transaction. */
const readSnapshots = (db: AppDb, deckIds: readonly string[] | null): Promise<Loaded[]> =>
  db.transaction('r', [db.snapshots, db.changes, db.states, db.cards, db.decks], async () => {
    const ids = deckIds ?? ((await db.decks.toCollection().primaryKeys()) as string[]);
    const [all, ...marks] = await db.changes.bulkGet([ALL_CARDS, ...ids.map(cardsKey)]);
    return Promise.all(
      ids.map((id, i) =>
        loadOne(
          db,
          id,
          [marks[i], all].filter((r): r is ChangeRow => r !== undefined),
        ),
      ),
    );
  });

/**
 * The card states (with topics) of the given roles, or of every role (null), read from the
 * per-role snapshots plus whatever changed since they were written. The refreshed snapshots are
 * written afterwards, without holding up the caller.
 */
export async function loadSnapshots(
  db: AppDb,
  deckIds: readonly string[] | null,
): Promise<Map<string, CardEntry[]>> {
  const loaded = await readSnapshots(db, deckIds);
  void persist(db, loaded).catch((error: unknown) => console.warn('state snapshots not saved', error));
  return new Map(loaded.map((l) => [l.deckId, l.entries]));
}

/** Brings every role's snapshot up to date (idle-time upkeep, so statistics open fast). */
export async function refreshSnapshots(db: AppDb): Promise<void> {
  await persist(db, await readSnapshots(db, null));
}

export const statesOf = (entries: Iterable<CardEntry[]>): SchedState[] =>
  [...entries].flatMap((list) => list.map((e) => e.state));
