import Dexie from 'dexie';
import type { ReviewLog } from '../../domain/scheduling/types';
import { unseenReviews } from '../../domain/sync/replay';
import { BULK_ROWS } from '../changeSequence';
import type { AppDb } from '../db';
import { rollupRollover } from '../dayRollups';
import { PULL_REPLAY_META } from '../derived/keys';
import { addToRollups, type AppliedReviews } from './applyReviews';

/**
 * A pulled page of more reviews than this (a first pull, a device back after a long time) is
 * stored with storePulled, its cards replayed once at the end of the pull; a smaller one (a day's
 * reviews) with applyReviews, its cards replayed in its own transaction.
 */
export const DEFERRED_REPLAY_ABOVE = BULK_ROWS;

/** The cards waiting for their replay (PULL_REPLAY_META), as stored. */
export async function pendingReplay(db: AppDb): Promise<string[]> {
  const row = await db.meta.get(PULL_REPLAY_META);
  return Array.isArray(row?.value) ? (row.value as string[]) : [];
}

/** Positions in `logs` of the adds that failed because the review is already stored. */
function alreadyStored(error: unknown): Set<number> {
  if (!(error instanceof Dexie.BulkError)) throw error;
  const failures = Object.entries(error.failuresByPos);
  const other = failures.find(([, e]) => e.name !== 'ConstraintError');
  if (other) throw other[1];
  return new Set(failures.map(([pos]) => Number(pos)));
}

/**
 * Reviews a large page is stored per transaction: a rating's write waits in IndexedDB behind the
 * transaction that holds the reviews and rollups, so it waits for at most this many rows (a page
 * of 100,000 in one transaction held them 17-43 s at the full size). More than BULK_ROWS, so each
 * transaction's reviews are recorded by their decks, not one change entry each.
 */
export const STORE_CHUNK = 2 * BULK_ROWS;

export interface StorePulledOptions {
  /** Awaited before each transaction after the first (sync's wait while cards are being rated). */
  pause?: () => Promise<void>;
  /** After each transaction: what it stored (a pull records its change sequence number). */
  onStored?: (part: AppliedReviews) => void | Promise<void>;
}

/**
 * A large pulled page, STORE_CHUNK reviews per transaction: the reviews this device lacks, the
 * removal of those undone elsewhere (`undone`, as many per transaction), their days' rollups, and their cards
 * added to the list waiting for a replay (PULL_REPLAY_META), which replayPulled works through at
 * the end of the pull. The cards' states are not written here: a card's reviews are spread over
 * every page of a first pull, and replaying it on each page read its growing history again each
 * time. Reviews already here are no-ops, told apart by the store refusing them (no read of a
 * hundred thousand ids first); a review counts in its day's rollup in the transaction that adds
 * it, so a page cut between its transactions and stored again counts each review once.
 */
export async function storePulled(
  db: AppDb,
  incoming: readonly ReviewLog[],
  undone: ReadonlySet<string> = new Set(),
  { pause, onStored }: StorePulledOptions = {},
): Promise<AppliedReviews> {
  // In time order, so that each part's reviews fall on a few days and a day's rollup is written
  // about once per page: a batch holds its reviews card by card, each part would rewrite most days.
  const wanted = unseenReviews(
    incoming.filter((l) => !undone.has(l.id)),
    new Set(),
  ).sort((a, b) => a.review - b.review);
  const total: AppliedReviews = { added: 0, removed: 0, cardIds: [] };
  // The reviews undone elsewhere are removed STORE_CHUNK at a time as well, with the first parts.
  const gone = [...undone];
  const parts = Math.max(1, Math.ceil(wanted.length / STORE_CHUNK), Math.ceil(gone.length / STORE_CHUNK));
  for (let p = 0; p < parts; p++) {
    if (p > 0) await pause?.();
    const [from, to] = [p * STORE_CHUNK, (p + 1) * STORE_CHUNK];
    const part = await storeChunk(db, wanted.slice(from, to), new Set(gone.slice(from, to)));
    total.added += part.added;
    total.removed += part.removed;
    if (part.usn !== undefined) total.usn = part.usn;
    await onStored?.(part);
  }
  return total;
}

async function storeChunk(
  db: AppDb,
  wanted: readonly ReviewLog[],
  undone: ReadonlySet<string>,
): Promise<AppliedReviews> {
  const tables = [db.logs, db.days, db.meta, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const gone = undone.size ? (await db.logs.bulkGet([...undone])).flatMap((l) => (l ? [l] : [])) : [];
    if (gone.length) await db.logs.bulkDelete(gone.map((l) => l.id));
    // The reads this part needs go with the add, not one round trip to IndexedDB after another:
    // per transaction they cost as much as a thousand reviews' rows.
    let known = new Set<number>();
    const [, rollover, listed] = await Promise.all([
      wanted.length
        ? db.logs.bulkAdd(wanted).catch((error: unknown) => (known = alreadyStored(error)))
        : undefined,
      rollupRollover(db.meta),
      pendingReplay(db),
    ]);
    const fresh = wanted.filter((_, i) => !known.has(i));
    if (fresh.length === 0 && gone.length === 0) return { added: 0, removed: 0, cardIds: [] };
    // The list is written only when this part brings a card not on it yet: after the first pages
    // of a first pull most of its cards are.
    const waiting = new Set(listed);
    for (const log of [...fresh, ...gone]) waiting.add(log.cardId);
    const [usn] = await Promise.all([
      db.changeLog.orderBy('usn').lastKey(),
      waiting.size > listed.length && db.meta.put({ key: PULL_REPLAY_META, value: [...waiting] }),
      addToRollups(
        db,
        [
          ...fresh.map((log) => ({ log, sign: 1 as const })),
          ...gone.map((log) => ({ log, sign: -1 as const })),
        ],
        rollover,
      ),
    ]);
    return {
      added: fresh.length,
      removed: gone.length,
      cardIds: [],
      ...(typeof usn === 'number' && { usn }),
    };
  });
}
