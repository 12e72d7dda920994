import { NOTE_MAX_CHARS, NoteTooLongError, type CardNote } from '../domain/cards/note';
import type { AppDb } from './db';
import { NOTES_STAMP } from './derived/keys';

export { NOTES_STAMP };

export const getNote = (db: AppDb, cardId: string): Promise<CardNote | undefined> => db.notes.get(cardId);

export const allNotes = (db: AppDb): Promise<CardNote[]> => db.notes.toArray();

/**
 * The number of the last transaction that wrote notes (the change sequence moves it, in that
 * transaction: no writer has to remember), which the card search compares to know its notes are current.
 */
export async function notesStamp(db: AppDb): Promise<number> {
  const row = await db.meta.get(NOTES_STAMP);
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Once told the card search to read the notes again; the change sequence now does it for every
 * write to `notes`. Kept, doing nothing, for callers not yet updated (sync's cardData.ts).
 */
export const markNotesChanged = (_db: AppDb): Promise<void> => Promise.resolve();

/**
 * Puts `note` in place of what is stored for its card (undefined: no note), in the caller's
 * transaction or a new one.
 */
export async function putNote(db: AppDb, cardId: string, note: CardNote | undefined): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    if (note) await db.notes.put(note);
    else await db.notes.delete(cardId);
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
  return db.transaction('rw', db.notes, async () => {
    const before = await db.notes.get(cardId);
    const after = text.trim() === '' ? undefined : { cardId, deckId, text, updated: now };
    await putNote(db, cardId, after);
    return { cardId, before, after };
  });
}
