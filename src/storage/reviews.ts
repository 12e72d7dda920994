import { type ReviewLog, type SchedState } from '../domain/scheduling/types';
import { toRow, type AppDb } from './db';
import { updateRollup } from './dayRollups';

/**
 * A review is the new state, its log and its day's rollup, written together or not at all. The
 * writes are issued at once rather than each awaited in turn: this is on the path from the rating
 * key to the next card.
 */
export async function recordReview(db: AppDb, next: SchedState, log: ReviewLog): Promise<void> {
  await db.transaction('rw', [db.states, db.logs, db.days, db.settings], () =>
    Promise.all([db.states.put(toRow(next)), db.logs.add(log), updateRollup(db, log, 1)]),
  );
}

/** Undo restores the state before the review and removes its log, atomically. */
export async function undoReview(db: AppDb, previous: SchedState, logId: string): Promise<void> {
  await db.transaction('rw', [db.states, db.logs, db.days, db.settings], async () => {
    const log = await db.logs.get(logId);
    if (!log || log.cardId !== previous.cardId) throw new Error(`review ${logId} is not in the history`);
    await Promise.all([db.states.put(toRow(previous)), db.logs.delete(logId), updateRollup(db, log, -1)]);
  });
}
