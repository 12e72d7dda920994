import type { Flag } from '../domain/scheduling/types';
import type { AppDb } from './db';
import { withWrites } from './lazyWrites';
import type { CardChange } from './cardChanges';

export type { CardChange, StatesChange } from './cardChanges';

// The actions themselves (cardActionWrites.ts) load with the review's other writes, after the
// first card is on screen.
export const suspendCards = (db: AppDb, cardIds: readonly string[]) =>
  withWrites((w) => w.suspendCards(db, cardIds));
export const unsuspendCards = (db: AppDb, cardIds: readonly string[]) =>
  withWrites((w) => w.unsuspendCards(db, cardIds));
/** Out of the queues until the next review day starts. */
export const buryCards = (db: AppDb, cardIds: readonly string[], now: number, rolloverHour: number) =>
  withWrites((w) => w.buryCards(db, cardIds, now, rolloverHour));
/** 0 clears the flag. */
export const flagCards = (db: AppDb, cardIds: readonly string[], flag: Flag | 0) =>
  withWrites((w) => w.flagCards(db, cardIds, flag));
/** Makes the cards new again (their history stays), after an automatic snapshot. */
export const resetCards = (db: AppDb, cardIds: readonly string[], now: number) =>
  withWrites((w) => w.resetCards(db, cardIds, now));
/** Every card back as it was, or, if any changed since, none (CardChangedError). */
export const undoCardChange = (db: AppDb, change: CardChange) =>
  withWrites((w) => w.undoCardChange(db, change));
