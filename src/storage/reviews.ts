import { type ReviewLog, type SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';
import { withWrites } from './lazyWrites';

export { CardChangedError } from './cardChanges';

/**
 * A review is the new state, its log and its day's rollup, written together or not at all, and
 * only over the state it was computed from (reviewWrites.ts).
 */
export const recordReview = (db: AppDb, next: SchedState, log: ReviewLog, previous?: SchedState) =>
  withWrites((w) => w.recordReview(db, next, log, previous));

/**
 * A review behind its journal note (reviewJournal.ts): the note is written in the caller's task,
 * the transaction starts once `ready` settles.
 */
export const journaledReview = (
  db: AppDb,
  next: SchedState,
  log: ReviewLog,
  previous: SchedState,
  now: number,
  ready?: Promise<unknown>,
) => withWrites((w) => w.journaledReview(db, next, log, previous, now, ready));

/** Undo of a review (reviewWrites.ts); refused when the card was reviewed again since. */
export const undoReview = (db: AppDb, previous: SchedState, logId: string, after?: SchedState) =>
  withWrites((w) => w.undoReview(db, previous, logId, after));

/** The card's state as stored now. */
export const storedState = async (db: AppDb, cardId: string): Promise<SchedState | undefined> => {
  const row = await db.states.get(cardId);
  return row ? fromRow(row) : undefined;
};
