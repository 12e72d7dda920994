import Dexie from 'dexie';
import type { SchedState } from '../../domain/scheduling/types';
import { changeRowsSince, currentUsn, type ChangeLogRow } from '../changeSequence';
import { fromRow, type AppDb } from '../db';
import { SNAPSHOTS_META, type SnapshotCache, type SnapshotVersions } from './snapshotCache';
import { patchSnapshot } from './patchSnapshot';
import {
  formatOf,
  fromStored,
  packSnapshot,
  SNAPSHOT_FORMAT,
  unpackSnapshot,
  type CardEntry,
  type StateSnapshot,
} from './stateSnapshot';

export type { CardEntry } from './stateSnapshot';

/** card id → topic, walking the [deckId+topic] index's keys (a cursor step per card, no card content). */
async function walkTopics(db: AppDb, deckId: string): Promise<Map<string, string>> {
  const range = () =>
    db.cards.where('[deckId+topic]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
  const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  return new Map(ids.map((id, i) => [id, String((keys[i] as unknown as [string, string])[1])]));
}

/**
 * card id → topic for the topics the deck declares: one request per topic. Walking the index
 * instead takes a cursor step per card, each a round trip through Dexie on the reading thread: a
 * 20,000-card role's snapshot (built as its role page or statistics open after a restore) waited
 * for 20,000 of them.
 */
async function declaredTopics(db: AppDb, deckId: string): Promise<Map<string, string>> {
  const topics = Object.keys((await db.decks.get(deckId))?.topics ?? {});
  const ids = await Promise.all(
    topics.map((topic) => db.cards.where('[deckId+topic]').equals([deckId, topic]).primaryKeys()),
  );
  return new Map(topics.flatMap((topic, k) => ids[k]!.map((id) => [id, topic] as const)));
}

async function build(db: AppDb, deckId: string): Promise<StateSnapshot> {
  const [rows, declared] = await Promise.all([
    db.states.where('deckId').equals(deckId).toArray(),
    declaredTopics(db, deckId),
  ]);
  // A card whose topic the deck does not declare (or a state without its card) is rare: only
  // then is every card's topic read from the index.
  const topics = rows.every((row) => declared.has(row.cardId)) ? declared : await walkTopics(db, deckId);
  return packSnapshot(
    deckId,
    rows.map((row) => ({ state: fromRow(row), topic: topics.get(row.cardId) })),
  );
}

/** The snapshot (a copy, unless nothing changed) with the changed cards re-read. */
async function patch(db: AppDb, base: StateSnapshot, changed: string[]): Promise<StateSnapshot> {
  if (changed.length === 0) return base;
  const [states, cards] = await Promise.all([db.states.bulkGet(changed), db.cards.bulkGet(changed)]);
  const now = new Map<string, CardEntry | undefined>();
  changed.forEach((cardId, k) => {
    const row = states[k];
    now.set(cardId, row && { state: fromRow(row), topic: cards[k]?.topic });
  });
  return patchSnapshot(base, now);
}

/** What changed in a role's cards after `since`: some cards, or the role wholesale. */
function changedAfter(rows: readonly ChangeLogRow[], deckId: string, since: number) {
  const cards = new Set<string>();
  for (const row of rows) {
    if (row.usn <= since) continue;
    if (row.bulk?.some((b) => b === '*' || b === deckId)) return { whole: true, cards: [] };
    for (const c of row.changes)
      if (c.deckId === deckId && (c.table === 'states' || c.table === 'cards')) cards.add(c.key);
  }
  return { whole: false, cards: [...cards] };
}

interface Loaded {
  deckId: string;
  snap: StateSnapshot;
  /** The stored snapshot's version when read (undefined: none stored, or stored before versions). */
  version: number | undefined;
  /** The change sequence number `snap` covers. */
  usn: number;
  /** Whether `snap` differs from the stored snapshot (and so is worth writing, not just re-versioning). */
  stale: boolean;
}

async function loadOne(
  db: AppDb,
  deckId: string,
  version: number | undefined,
  rows: readonly ChangeLogRow[],
  usn: number,
  cache: SnapshotCache | undefined,
): Promise<Loaded> {
  const loaded = (snap: StateSnapshot, stale: boolean) => ({ deckId, snap, version, usn, stale });
  const held = cache?.get(deckId, version);
  if (held) {
    const { whole, cards } = changedAfter(rows, deckId, held.covered);
    const sinceStored = changedAfter(rows, deckId, version!);
    const stale = sinceStored.whole || sinceStored.cards.length > 0;
    if (!whole) return loaded(await patch(db, held.snap, cards), stale);
  }
  const { whole, cards } =
    version === undefined ? { whole: true, cards: [] } : changedAfter(rows, deckId, version);
  const row = whole ? undefined : await db.snapshots.get(deckId);
  // None stored, changed wholesale, or stored in another format: built from the states.
  if (!row || formatOf(row) !== SNAPSHOT_FORMAT) return loaded(await build(db, deckId), true);
  const { snap, rewrite } = fromStored(row);
  return loaded(await patch(db, snap, cards), cards.length > 0 || rewrite);
}

/**
 * Writes the snapshots just brought up to date, with the change sequence number they cover as
 * their version; one found still current only gets the new version. A snapshot another
 * connection wrote since at a later number is left alone. Returns the versions written.
 */
async function persist(db: AppDb, loaded: Loaded[]): Promise<SnapshotVersions> {
  const moved = loaded.filter((l) => l.usn !== l.version || l.stale);
  if (moved.length === 0) return {};
  return db.transaction('rw', [db.snapshots, db.meta], async () => {
    const stored = ((await db.meta.get(SNAPSHOTS_META))?.value ?? {}) as SnapshotVersions;
    const newer = moved.filter(
      (l) => (stored[l.deckId] ?? -1) < l.usn || (l.stale && stored[l.deckId] === l.version),
    );
    const written: SnapshotVersions = Object.fromEntries(newer.map((l) => [l.deckId, l.usn]));
    // A snapshot that has not changed since the version stored keeps its row.
    const rewrite = newer.filter((l) => l.stale || stored[l.deckId] !== l.version);
    if (rewrite.length) await db.snapshots.bulkPut(rewrite.map((l) => l.snap));
    if (newer.length) await db.meta.put({ key: SNAPSHOTS_META, value: { ...stored, ...written } });
    return written;
  });
}

/** Reads the snapshots of the given roles (null: every role) and patches them, in one read transaction. */
const readSnapshots = (
  db: AppDb,
  deckIds: readonly string[] | null,
  cache?: SnapshotCache,
): Promise<Loaded[]> =>
  db.transaction('r', [db.snapshots, db.changeLog, db.states, db.cards, db.decks, db.meta], async () => {
    const ids = deckIds ?? ((await db.decks.toCollection().primaryKeys()) as string[]);
    const versions = ((await db.meta.get(SNAPSHOTS_META))?.value ?? {}) as SnapshotVersions;
    const bases = ids.flatMap((id) => {
      const version = versions[id];
      const held = version === undefined ? undefined : cache?.get(id, version);
      return version === undefined ? [] : [Math.min(version, held?.covered ?? version)];
    });
    // Everything the change sequence holds after the oldest of them, read once for all roles.
    const [usn, rows] = await Promise.all([
      currentUsn(db),
      bases.length ? changeRowsSince(db, Math.min(...bases)) : [],
    ]);
    return Promise.all(ids.map((id) => loadOne(db, id, versions[id], rows, usn, cache)));
  });

/**
 * The card states (with topics) of the given roles, or of every role (null), as columns: read
 * from the per-role snapshots (or from `cache`, when it holds their current version) plus
 * whatever the change sequence shows changed since they were written. The refreshed snapshots
 * are written afterwards, without holding up the caller (with a cache, once requests pause).
 */
export function loadSnapshotColumns(
  db: AppDb,
  deckIds: readonly string[] | null,
  cache?: SnapshotCache,
): Promise<Map<string, StateSnapshot>> {
  const save = (all: Loaded[]) =>
    persist(db, all)
      .then((written) => {
        for (const l of all)
          if (written[l.deckId] !== undefined) cache?.set(l.deckId, written[l.deckId], l.snap);
      })
      .catch((error: unknown) => console.warn('state snapshots not saved', error));
  const load = async () => {
    const loaded = await readSnapshots(db, deckIds, cache);
    for (const l of loaded) cache?.set(l.deckId, l.version, l.snap, l.usn);
    if (cache) cache.saveLater(loaded, save);
    else void save(loaded);
    return new Map(loaded.map((l) => [l.deckId, l.snap]));
  };
  return cache ? cache.inTurn(load, deckIds === null ? '*' : deckIds.join('\n')) : load();
}

/** As `loadSnapshotColumns`, each card as a state object with its topic. */
export async function loadSnapshots(
  db: AppDb,
  deckIds: readonly string[] | null,
  cache?: SnapshotCache,
): Promise<Map<string, CardEntry[]>> {
  const byDeck = await loadSnapshotColumns(db, deckIds, cache);
  return new Map([...byDeck].map(([deckId, snap]) => [deckId, unpackSnapshot(snap)]));
}

/**
 * Brings the given roles' snapshots (null: every role's) up to date and writes them: idle-time
 * upkeep, so statistics open fast, and a deck import, so its role page opens fast.
 */
export async function refreshSnapshots(db: AppDb, deckIds: readonly string[] | null = null): Promise<void> {
  await persist(db, await readSnapshots(db, deckIds));
}

export const statesOf = (entries: Iterable<CardEntry[]>): SchedState[] =>
  [...entries].flatMap((list) => list.map((e) => e.state));
