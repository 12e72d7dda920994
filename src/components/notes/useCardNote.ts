import type { CardNote } from '../../domain/cards/note';
import type { AppDb } from '../../storage/db';
import { getNote } from '../../storage/notes';
import { useAsync } from '../useAsync';

/** The user's note on a card, read again whenever `version` changes (a save, an undo). */
export function useCardNote(db: AppDb, cardId: string, version: unknown): CardNote | undefined {
  const note = useAsync(() => getNote(db, cardId), [db, cardId, version]);
  return note.status === 'done' ? note.value : undefined;
}
