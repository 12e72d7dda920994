import Dexie from 'dexie';
import type { SchedState } from '../../domain/scheduling/types';
import { ALL_CARDS, cardsKey, type ChangeRow } from '../changeTracking';
import { fromRow, type AppDb } from '../db';
import {
  newVersion,
  SNAPSHOT_VERSIONS_KEY,
  type SnapshotCache,
  type SnapshotVersions,
} from './snapshotCache';
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

const isWhole = (row: ChangeRow) => !row.cardIds;

/** card id → topic from the [deckId+topic] index alone (keys, no card content). */
async function topicsOf(db: AppDb, deckId: string): Promise<Map<string, string>> {
  const range = () =>
    db.cards.where('[deckId+topic]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);
  const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  return new Map(ids.map((id, i) => [id, String((keys[i] as unknown as [string, string])[1])]));
}

async function build(db: AppDb, deckId: string): Promise<StateSnapshot> {
  const [rows, topics] = await Promise.all([
    db.states.where('deckId').equals(deckId).toArray(),
    topicsOf(db, deckId),
  ]);
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

interface Loaded {
  deckId: string;
  snap: StateSnapshot;
  /** Whether the stored snapshot is out of date (and so worth writing). */
  stale: boolean;
  seen: ChangeRow[];
  /** The stored snapshot's version when read (undefined: none stored). */
  version: number | undefined;
  /** The change marks applied, with their stamps. */
  applied: string;
}

async function loadOne(
  db: AppDb,
  deckId: string,
  seen: ChangeRow[],
  version: number | undefined,
  cache: SnapshotCache | undefined,
): Promise<Loaded> {
  const whole = seen.some(isWhole);
  const changed = seen.flatMap((r) => r.cardIds ?? []);
  const applied = seen.map((r) => `${r.key}@${r.stamp}`).join(' ');
  const loaded = (snap: StateSnapshot, stale: boolean) => ({ deckId, snap, stale, seen, version, applied });
  const held = whole ? undefined : cache?.get(deckId, version);
  // Marks with the same stamps were applied already: no card changed since.
  if (held?.applied === applied) return loaded(held.snap, changed.length > 0);
  if (held) return loaded(await patch(db, held.snap, changed), changed.length > 0);
  const row = whole ? undefined : await db.snapshots.get(deckId);
  // None stored, or stored in another format: built from the states.
  if (!row || formatOf(row) !== SNAPSHOT_FORMAT) return loaded(await build(db, deckId), true);
  const { snap, rewrite } = fromStored(row);
  // Without a version (written before versions existed) it is written again, to get one.
  return loaded(await patch(db, snap, changed), changed.length > 0 || version === undefined || rewrite);
}

/**
 * Writes the snapshots just brought up to date and drops the change rows they applied, unless a
 * write marked them again meanwhile (the stamp moved on). A snapshot another connection wrote
 * since this one was read (its version moved on) is left alone, and so are its change rows. If
 * every card was marked (`card*`, a clear), the other roles' snapshots are dropped too: they are
 * rebuilt when next read. Returns the versions written, or null when nothing could be.
 */
async function persist(db: AppDb, loaded: Loaded[]): Promise<SnapshotVersions | null> {
  if (!loaded.some((l) => l.stale)) return {};
  return db.transaction('rw', [db.snapshots, db.changes, db.settings], async () => {
    const [everything, stored] = await Promise.all([
      db.changes.get(ALL_CARDS),
      db.settings.get(SNAPSHOT_VERSIONS_KEY).then((row) => (row?.value ?? {}) as SnapshotVersions),
    ]);
    const seenAll = loaded.some((l) =>
      l.seen.some((r) => r.key === ALL_CARDS && r.stamp === everything?.stamp),
    );
    if (everything && !seenAll) return null;
    const stale = loaded.filter((l) => l.stale && (everything || stored[l.deckId] === l.version));
    const written: SnapshotVersions = Object.fromEntries(stale.map((l) => [l.deckId, newVersion()]));
    if (everything) await db.snapshots.clear();
    await db.snapshots.bulkPut(stale.map((l) => l.snap));
    await db.settings.put({
      key: SNAPSHOT_VERSIONS_KEY,
      value: everything ? written : { ...stored, ...written },
    });
    const seen = new Map(stale.flatMap((l) => l.seen.map((r) => [r.key, r.stamp] as const)));
    const now = await db.changes.bulkGet([...seen.keys()]);
    const applied = now.flatMap((row) => (row && seen.get(row.key) === row.stamp ? [row.key] : []));
    await db.changes.bulkDelete(applied);
    return written;
  });
}

/** Reads the snapshots of the given roles (null: every role) and patches them, in one read transaction. */
const readSnapshots = (
  db: AppDb,
  deckIds: readonly string[] | null,
  cache?: SnapshotCache,
): Promise<Loaded[]> =>
  db.transaction('r', [db.snapshots, db.changes, db.states, db.cards, db.decks, db.settings], async () => {
    const ids = deckIds ?? ((await db.decks.toCollection().primaryKeys()) as string[]);
    const [versions, [all, ...marks]] = await Promise.all([
      db.settings.get(SNAPSHOT_VERSIONS_KEY).then((row) => (row?.value ?? {}) as SnapshotVersions),
      db.changes.bulkGet([ALL_CARDS, ...ids.map(cardsKey)]),
    ]);
    return Promise.all(
      ids.map((id, i) =>
        loadOne(
          db,
          id,
          [marks[i], all].filter((r): r is ChangeRow => r !== undefined),
          versions[id],
          cache,
        ),
      ),
    );
  });

/**
 * The card states (with topics) of the given roles, or of every role (null), as columns: read
 * from the per-role snapshots (or from `cache`, when it holds their current version) plus
 * whatever changed since they were written. The refreshed snapshots are written afterwards,
 * without holding up the caller (with a cache, once requests pause).
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
          if (written?.[l.deckId] !== undefined) cache?.set(l.deckId, written[l.deckId], l.snap);
      })
      .catch((error: unknown) => console.warn('state snapshots not saved', error));
  const load = async () => {
    const loaded = await readSnapshots(db, deckIds, cache);
    for (const l of loaded) cache?.set(l.deckId, l.version, l.snap, l.applied);
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
