import Dexie from 'dexie';
import type { ReviewLog } from '../../domain/scheduling/types';
import { unseenReviews } from '../../domain/sync/replay';
import { BULK_ROWS } from '../changeSequence';
import type { AppDb } from '../db';
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
 * A large pulled page in one transaction: the reviews this device lacks, the removal of those
 * undone elsewhere (`undone`), their days' rollups, and their cards added to the list waiting for
 * a replay (PULL_REPLAY_META), which replayPulled works through at the end of the pull. The cards'
 * states are not written here: a card's reviews are spread over every page of a first pull, and
 * replaying it on each page read its growing history again each time. Reviews already here are
 * no-ops, told apart by the store refusing them (no read of a hundred thousand ids first).
 */
export async function storePulled(
  db: AppDb,
  incoming: readonly ReviewLog[],
  undone: ReadonlySet<string> = new Set(),
): Promise<AppliedReviews> {
  const tables = [db.logs, db.days, db.meta, db.changeLog];
  return db.transaction('rw', tables, async () => {
    const wanted = unseenReviews(
      incoming.filter((l) => !undone.has(l.id)),
      new Set(),
    );
    const gone = (await db.logs.bulkGet([...undone])).flatMap((l) => (l ? [l] : []));
    if (gone.length) await db.logs.bulkDelete(gone.map((l) => l.id));
    let known = new Set<number>();
    await db.logs.bulkAdd(wanted).catch((error: unknown) => (known = alreadyStored(error)));
    const fresh = wanted.filter((_, i) => !known.has(i));
    if (fresh.length === 0 && gone.length === 0) return { added: 0, removed: 0, cardIds: [] };
    await addToRollups(db, [
      ...fresh.map((log) => ({ log, sign: 1 as const })),
      ...gone.map((log) => ({ log, sign: -1 as const })),
    ]);
    const waiting = new Set(await pendingReplay(db));
    for (const log of [...fresh, ...gone]) waiting.add(log.cardId);
    await db.meta.put({ key: PULL_REPLAY_META, value: [...waiting] });
    const usn = await db.changeLog.orderBy('usn').lastKey();
    return {
      added: fresh.length,
      removed: gone.length,
      cardIds: [],
      ...(typeof usn === 'number' && { usn }),
    };
  });
}
