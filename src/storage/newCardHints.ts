import Dexie from 'dexie';
import { CardState } from '../domain/scheduling/types';
import type { AppDb } from './db';

/**
 * Per role, a position before which no card is new. New cards are indexed by position, and the
 * cards that left New leave deleted entries at the start of that range which IndexedDB (LevelDB)
 * walks over on every read: with thousands studied, that costs tens of ms per role. Starting the
 * read at the hint skips them. Every path that can make a card new again lowers or clears it.
 */
export const NEW_HINTS_KEY = 'newFrom';

type Hints = Record<string, number>;

// Dexie promise chains (not async functions): they stay inside the caller's transaction however
// deeply they are called from it.
export const readHints = (db: AppDb): Promise<Hints> =>
  db.settings.get(NEW_HINTS_KEY).then((row) => {
    const value = row?.value;
    return typeof value === 'object' && value !== null ? (value as Hints) : {};
  });

const write = (db: AppDb, hints: Hints) => db.settings.put({ key: NEW_HINTS_KEY, value: hints });

/** A card at `position` is new again (undo): the hint may not pass it. Inside a transaction with settings. */
export async function lowerHint(db: AppDb, deckId: string, position: number): Promise<void> {
  const hints = await readHints(db);
  if (hints[deckId] !== undefined && hints[deckId] > position)
    await write(db, { ...hints, [deckId]: position });
}

/** New cards may have appeared anywhere (sync, import, restore): forget the hint. Inside a transaction. */
export const clearHint = (db: AppDb, deckId: string | null): Promise<unknown> =>
  deckId === null
    ? db.settings.delete(NEW_HINTS_KEY)
    : readHints(db).then((hints) => {
        if (!(deckId in hints)) return undefined;
        const { [deckId]: _gone, ...rest } = hints;
        return write(db, rest);
      });

/** Moves the hint up to the first card that is still new (its own transaction; off the critical path). */
export function raiseHint(db: AppDb, deckId: string): Promise<void> {
  return db.transaction('rw', db.settings, db.states, async () => {
    const hints = await readHints(db);
    const from = hints[deckId] ?? -Infinity;
    const first = await db.states
      .where('[deckId+queue+due]')
      .between([deckId, CardState.New, from], [deckId, CardState.New, Dexie.maxKey], true, false)
      .first();
    if (first && first.due > from) await write(db, { ...hints, [deckId]: first.due });
  });
}
