import Dexie from 'dexie';
import { CONSUMERS_META, PRUNED_META, SNAPSHOTS_META } from './derived/keys';
import type { AppDb } from './db';
import { readBlocksMeta } from './logBlocks/logMonths';
import { SYNC_DB_NAME } from './sync/syncDb';

/**
 * The change log grows by one row (about 80 bytes) a review; rows every reader has covered are
 * pruned at idle. Readers: the snapshots and the log blocks (their numbers are in `meta`), and
 * any reader outside this database (sync) that registered the number it has covered.
 */

/** Rows deleted per transaction: deleting 100k at once left IndexedDB reads at 325 ms until LevelDB compacted. */
export const PRUNE_SLICE = 500;
/** Rows pruned per idle run at most, so the deleted entries LevelDB keeps until it compacts stay few. */
export const PRUNE_PER_RUN = 10_000;

export type Consumers = Record<string, number>;

/** A reader outside this database records the number it has covered (it keeps the rows above). */
export async function noteChangesCovered(db: AppDb, consumer: string, usn: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const held = ((await db.meta.get(CONSUMERS_META))?.value ?? {}) as Consumers;
    await db.meta.put({ key: CONSUMERS_META, value: { ...held, [consumer]: usn } });
  });
}

/** A reader outside this database stops reading the change log (sync set up no more). */
export async function forgetChangeConsumer(db: AppDb, consumer: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const { [consumer]: _gone, ...rest } = ((await db.meta.get(CONSUMERS_META))?.value ?? {}) as Consumers;
    await db.meta.put({ key: CONSUMERS_META, value: rest });
  });
}

/**
 * The highest number every reader has covered: rows up to it may go; never the last row (its key
 * is the counter). A role with no snapshot version yet, blocks in no known format, or a sync
 * database that never said what it covered (it may be from before readers registered; a log
 * pruned past it makes sync pull everything again) cover nothing: none of their rows may go,
 * since whoever builds them whole catches up from the number read then.
 */
export async function prunableThrough(db: AppDb, syncKnown?: boolean): Promise<number> {
  const [snapshots, blocks, consumers, last, decks] = await db.transaction(
    'r',
    [db.meta, db.changeLog, db.decks],
    () =>
      Promise.all([
        db.meta.get(SNAPSHOTS_META).then((r) => (r?.value ?? {}) as Record<string, number>),
        readBlocksMeta(db),
        db.meta.get(CONSUMERS_META).then((r) => (r?.value ?? {}) as Consumers),
        db.changeLog.orderBy('usn').lastKey(),
        db.decks.toCollection().primaryKeys(),
      ]),
  );
  if (typeof last !== 'number') return 0;
  if (!('sync' in consumers) && (syncKnown ?? (await Dexie.exists(SYNC_DB_NAME)))) return 0;
  const covered = [
    ...decks.map((deckId) => snapshots[deckId] ?? 0),
    blocks?.usn ?? 0,
    ...Object.values(consumers),
  ];
  return Math.max(0, Math.min(last - 1, ...covered));
}

export interface PruneOptions {
  signal?: AbortSignal;
  /** Whether a sync database exists (default: asks IndexedDB). */
  syncKnown?: boolean;
  perRun?: number;
}

/**
 * Deletes change log rows every reader has covered, oldest first, PRUNE_SLICE numbers at a time
 * in transactions of their own, at most `perRun`. Each slice is a key range above the last one
 * pruned (recorded in `meta`): nothing reads from the log's low end, where the deleted entries
 * LevelDB keeps until it compacts would lie in the way. Returns how many numbers were pruned.
 */
export async function pruneChangeLog(db: AppDb, options: PruneOptions = {}): Promise<number> {
  const { signal, syncKnown, perRun = PRUNE_PER_RUN } = options;
  const through = await prunableThrough(db, syncKnown);
  let pruned = 0;
  while (pruned < perRun && !signal?.aborted) {
    const done = await db.transaction('rw', [db.changeLog, db.meta], async () => {
      const from = ((await db.meta.get(PRUNED_META))?.value ?? 0) as number;
      const to = Math.min(through, from + PRUNE_SLICE, from + perRun - pruned);
      if (to <= from) return 0;
      await db.changeLog.where('usn').between(from, to, false, true).delete();
      await db.meta.put({ key: PRUNED_META, value: to });
      return to - from;
    });
    if (done === 0) break;
    pruned += done;
  }
  return pruned;
}
