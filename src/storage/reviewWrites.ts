import { type ReviewLog, type SchedState } from '../domain/scheduling/types';
import { toRow, type AppDb, type StateRow } from './db';
import { updateRollup } from './dayRollups';
import { CardChangedError } from './cardChanges';

/** The fields a review changes: equal in both, the state is the one the review was computed from. */
const sameState = (row: StateRow | undefined, expected: SchedState) =>
  !!row &&
  row.state === expected.state &&
  row.reps === expected.reps &&
  row.lapses === expected.lapses &&
  row.due === expected.due &&
  row.lastReview === expected.lastReview &&
  row.hidden === expected.hidden &&
  row.flag === expected.flag &&
  row.leech === expected.leech;

/**
 * A review is the new state, its log and its day's rollup, written together or not at all, and
 * only over the state it was computed from (`previous`): a review another tab wrote meanwhile is
 * never overwritten, and this one is refused with CardChangedError. The writes are issued at once
 * after that one read: this is on the path from the rating key to the next card.
 */
export async function recordReview(
  db: AppDb,
  next: SchedState,
  log: ReviewLog,
  previous?: SchedState,
): Promise<void> {
  await db.transaction('rw', [db.states, db.logs, db.days, db.meta], async () => {
    if (previous && !sameState(await db.states.get(previous.cardId), previous))
      throw new CardChangedError(previous.cardId);
    await Promise.all([db.states.put(toRow(next)), db.logs.add(log), updateRollup(db, log, 1)]);
  });
}

/**
 * Undo restores the state before the review and removes its log, atomically; refused when the
 * card was reviewed again since (`after` is the state the review wrote).
 */
export async function undoReview(
  db: AppDb,
  previous: SchedState,
  logId: string,
  after?: SchedState,
): Promise<void> {
  await db.transaction('rw', [db.states, db.logs, db.days, db.meta], async () => {
    const [log, row] = await Promise.all([
      db.logs.get(logId),
      after ? db.states.get(previous.cardId) : undefined,
    ]);
    if (!log || log.cardId !== previous.cardId) throw new Error(`review ${logId} is not in the history`);
    if (after && !sameState(row, after)) throw new CardChangedError(previous.cardId);
    await Promise.all([db.states.put(toRow(previous)), db.logs.delete(logId), updateRollup(db, log, -1)]);
  });
}
