import { useCallback, useState } from 'react';
import type { AppDb } from '../../storage/db';
import { undoCardChange, type StatesChange } from '../../storage/cardActions';
import { CardChangedError } from '../../storage/reviews';
import { browseClient } from './search/browseClient';

export type BatchStatus =
  { kind: 'done'; n: number } | { kind: 'undone' } | { kind: 'failed'; reason: string } | { kind: 'changed' };

/**
 * Runs batch actions (one transaction each), tells the search worker what changed, and keeps
 * what undo needs: the last actions, undone newest first.
 */
export function useBatch(db: AppDb, again: () => void) {
  const [undo, setUndo] = useState<StatesChange[]>([]);
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const run = useCallback(
    async (action: () => Promise<StatesChange>) => {
      try {
        const change = await action();
        await browseClient.patch(db, change.after);
        if (change.after.length) setUndo((u) => [...u.slice(-19), change]);
        setStatus({ kind: 'done', n: change.after.length });
      } catch (error) {
        setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
      again();
    },
    [db, again],
  );
  const undoLast = useCallback(async () => {
    const last = undo[undo.length - 1];
    if (!last) return;
    setUndo((u) => u.slice(0, -1));
    try {
      await undoCardChange(db, last);
      await browseClient.patch(db, last.before);
      setStatus({ kind: 'undone' });
    } catch (error) {
      if (!(error instanceof CardChangedError)) throw error;
      setStatus({ kind: 'changed' });
    }
    again();
  }, [db, undo, again]);
  return { run, undoLast, canUndo: undo.length > 0, status };
}
