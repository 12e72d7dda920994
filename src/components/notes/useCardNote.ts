import type { CardNote } from '../../domain/cards/note';
import type { AppDb } from '../../storage/db';
import { useAsync } from '../useAsync';
import { idlePeriod } from '../../state/afterPaint';

/**
 * The user's note on a card, read again whenever `version` changes (a save, an undo). The read
 * starts at the next idle moment: after the card is painted, and after the tasks that follow its
 * frame, where a rating's own transaction starts. `loaded` says
 * whether this card's note has been read (`note` undefined then means it has none): an editor
 * opened before that would start empty and its save would overwrite the stored note.
 */
export function useCardNoteRead(
  db: AppDb,
  cardId: string,
  version: unknown,
): { loaded: boolean; note: CardNote | undefined } {
  const read = useAsync(
    async () =>
      // No card (the screen still loading): nothing to read, and the note's code can wait.
      cardId === ''
        ? { cardId, note: undefined }
        : idlePeriod()
            .then(() => import('../../storage/notes'))
            .then(async ({ getNote }) => ({ cardId, note: await getNote(db, cardId) })),
    [db, cardId, version],
  );
  // Until the new card's note is read, the last card's read is still held: it is not this card's.
  const loaded = read.status === 'done' && read.value.cardId === cardId;
  return { loaded, note: loaded ? read.value.note : undefined };
}

/** The note alone, for a view that shows it once read. */
export const useCardNote = (db: AppDb, cardId: string, version: unknown): CardNote | undefined =>
  useCardNoteRead(db, cardId, version).note;
