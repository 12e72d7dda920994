import { useCallback, useState } from 'react';
import type { Flag, SchedState } from '../../domain/scheduling/types';
import type { AppDb } from '../../storage/db';
import { buryCards, flagCards, suspendCards, type CardChange } from '../../storage/cardActions';
import { useReviewSession } from '../../state/reviewSession';

/**
 * The card actions of the review screen (keys and menu): each goes through the session, so it is
 * undone like a rating, and a card it hides leaves the queue.
 */
export function useCardActions(db: AppDb, rolloverHour: number) {
  const [editing, setEditing] = useState(false);
  const act = useCallback(
    (run: (s: SchedState) => Promise<CardChange>) =>
      void useReviewSession.getState().act(db, run, Date.now()),
    [db],
  );
  const bury = useCallback(
    () => act((s) => buryCards(db, [s.cardId], Date.now(), rolloverHour)),
    [act, db, rolloverHour],
  );
  const suspend = useCallback(() => act((s) => suspendCards(db, [s.cardId])), [act, db]);
  /** The card's flag already: cleared, as in Anki. */
  const flag = useCallback(
    (f: Flag | 0) => act((s) => flagCards(db, [s.cardId], s.flag === f ? 0 : f)),
    [act, db],
  );
  const editNote = useCallback(() => {
    if (useReviewSession.getState().current) setEditing(true);
  }, []);
  const save = useCallback(
    (text: string) => {
      setEditing(false);
      act(async (s) => {
        const { saveNote } = await import('../../storage/notes');
        return { kind: 'note', ...(await saveNote(db, s.cardId, s.deckId, text, Date.now())) };
      });
    },
    [act, db],
  );
  const cancel = useCallback(() => setEditing(false), []);
  return { bury, suspend, flag, editNote, editing, save, cancel };
}
