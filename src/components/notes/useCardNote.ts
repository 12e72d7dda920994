import type { CardNote } from '../../domain/cards/note';
import type { AppDb } from '../../storage/db';
import { getNote } from '../../storage/notes';
import { useAsync } from '../useAsync';
import { idleAfterPaint } from '../../state/afterPaint';

/**
 * The user's note on a card, read again whenever `version` changes (a save, an undo). The read
 * starts once the card is painted, so the review's next card does not wait for it.
 */
export function useCardNote(db: AppDb, cardId: string, version: unknown): CardNote | undefined {
  const note = useAsync(() => idleAfterPaint().then(() => getNote(db, cardId)), [db, cardId, version]);
  // Until the new card's note is read, the last card's is still held: it is not this card's.
  return note.status === 'done' && note.value?.cardId === cardId ? note.value : undefined;
}
