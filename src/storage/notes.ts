import { NOTE_MAX_CHARS, NoteTooLongError, type CardNote } from '../domain/cards/note';
import type { AppDb } from './db';

import { NOTES_STAMP } from './derived/keys';

export { NOTES_STAMP };

export const getNote = (db: AppDb, cardId: string): Promise<CardNote | undefined> => db.notes.get(cardId);

export const allNotes = (db: AppDb): Promise<CardNote[]> => db.notes.toArray();

export async function notesStamp(db: AppDb): Promise<number> {
  const row = await db.settings.get(NOTES_STAMP);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Tells the card search to read the notes again. In the caller's transaction (over `settings`). */
export const markNotesChanged = (db: AppDb) => db.settings.put({ key: NOTES_STAMP, value: Math.random() });

/**
 * Puts `note` in place of what is stored for its card (undefined: no note), with the stamp, in
 * the caller's transaction or a new one.
 */
export async function putNote(db: AppDb, cardId: string, note: CardNote | undefined): Promise<void> {
  await db.transaction('rw', db.notes, db.settings, async () => {
    if (note) await db.notes.put(note);
    else await db.notes.delete(cardId);
    await markNotesChanged(db);
  });
}

/** What a note write changed, for undo. */
export interface NoteChange {
  cardId: string;
  before: CardNote | undefined;
  after: CardNote | undefined;
}

/**
 * Saves the user's note on a card (blank text removes it). A note over the length limit is
 * refused with NoteTooLongError and nothing is written.
 */
export async function saveNote(
  db: AppDb,
  cardId: string,
  deckId: string,
  text: string,
  now: number,
): Promise<NoteChange> {
  if (text.length > NOTE_MAX_CHARS) throw new NoteTooLongError(cardId, text.length);
  return db.transaction('rw', db.notes, db.settings, async () => {
    const before = await db.notes.get(cardId);
    const after = text.trim() === '' ? undefined : { cardId, deckId, text, updated: now };
    await putNote(db, cardId, after);
    return { cardId, before, after };
  });
}
