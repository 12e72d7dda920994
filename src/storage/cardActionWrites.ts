import Dexie from 'dexie';
import { resetProgress, sameCardState, withBuried, withFlag, withSuspended } from '../domain/cards/cardState';
import type { Flag, SchedState } from '../domain/scheduling/types';
import { endOfReviewDay } from '../domain/time/reviewDay';
import { fromRow, toRow, type AppDb } from './db';
import { CardChangedError, type CardChange, type StatesChange } from './cardChanges';
import { putNote } from './notes';
import { expandPulled } from './sync/expandPulled';

/** Applies `change` to each card's stored state in one transaction; unchanged cards are not written. */
async function changeStates(
  db: AppDb,
  cardIds: readonly string[],
  change: (s: SchedState) => SchedState,
): Promise<StatesChange> {
  return db.transaction('rw', db.states, async () => {
    const rows = await db.states.bulkGet([...cardIds]);
    const before: SchedState[] = [];
    const after: SchedState[] = [];
    rows.forEach((row, i) => {
      if (!row) throw new Error(`card ${cardIds[i]} has no state`);
      const state = fromRow(row);
      const next = change(state);
      if (next === state) return;
      before.push(state);
      after.push(next);
    });
    if (after.length) await db.states.bulkPut(after.map(toRow));
    return { kind: 'states', before, after };
  });
}

export const suspendCards = (db: AppDb, cardIds: readonly string[]) =>
  changeStates(db, cardIds, (s) => withSuspended(s, true));

export const unsuspendCards = (db: AppDb, cardIds: readonly string[]) =>
  changeStates(db, cardIds, (s) => withSuspended(s, false));

/** Out of the queues until the next review day starts. */
export const buryCards = (db: AppDb, cardIds: readonly string[], now: number, rolloverHour: number) =>
  changeStates(db, cardIds, (s) => withBuried(s, endOfReviewDay(now, rolloverHour)));

/** 0 clears the flag. */
export const flagCards = (db: AppDb, cardIds: readonly string[], flag: Flag | 0) =>
  changeStates(db, cardIds, (s) => withFlag(s, flag));

/**
 * Makes the cards new again (their review history stays). The whole collection is first kept as
 * the automatic snapshot, in the same transaction, as before a restore: the Data screen can roll
 * the reset back.
 */
export async function resetCards(db: AppDb, cardIds: readonly string[], now: number): Promise<StatesChange> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  // The snapshot code (the whole backup format) loads only for a reset, not with the review screen;
  // before the transaction, since awaiting an import inside it would lose Dexie's transaction zone.
  const [{ collectAll }, { writeSnapshot }] = await Promise.all([
    import('./backup/collect'),
    import('./backup/snapshot'),
  ]);
  const tables = [db.decks, db.cards, db.states, db.logs, db.settings, db.days, db.mocks, db.notes];
  return db.transaction('rw', tables, async () => {
    const cards = await db.cards.bulkGet([...cardIds]);
    const position = new Map(cards.flatMap((c) => (c ? [[c.id, c.position] as const] : [])));
    // The reset's time is after every review of these cards here, even ones made with a clock
    // set ahead: a replay on any device (sync) leaves out exactly the reviews up to it.
    const decks = [...new Set(cards.flatMap((c) => (c ? [c.deckId] : [])))];
    const latest = await Promise.all(
      decks.map((d) => db.logs.where('[deckId+review]').between([d, Dexie.minKey], [d, Dexie.maxKey]).last()),
    );
    const at = Math.max(now, ...latest.map((l) => l?.review ?? 0));
    await writeSnapshot(db, await collectAll(db, now), 'reset', { kind: 'all' });
    return changeStates(db, cardIds, (s) => resetProgress(s, position.get(s.cardId) ?? 0, at));
  });
}

/**
 * Undoes an action: every card back as it was, or, if any changed since (a review, another tab),
 * none, with CardChangedError.
 */
export async function undoCardChange(db: AppDb, change: CardChange): Promise<void> {
  if (change.kind === 'note') {
    await db.transaction('rw', db.notes, db.settings, async () => {
      const now = await db.notes.get(change.cardId);
      if (now?.text !== change.after?.text) throw new CardChangedError(change.cardId);
      await putNote(db, change.cardId, change.before);
    });
    return;
  }
  await db.transaction('rw', db.states, async () => {
    const rows = await db.states.bulkGet(change.after.map((s) => s.cardId));
    rows.forEach((row, i) => {
      if (!row || !sameCardState(fromRow(row), change.after[i]!))
        throw new CardChangedError(change.after[i]!.cardId);
    });
    await db.states.bulkPut(change.before.map(toRow));
  });
}
