import { changesSince, currentUsn } from '../changeSequence';
import type { AppDb } from '../db';
import { loadProgress, type SyncDb } from './syncDb';

/** The change sequence number up to which this device's undos were sent (a key of its own in `kv`). */
const UNDONE_USN = 'undoneUsn';

export interface UndoneReview {
  id: string;
  deckId: string;
}

/**
 * The reviews undone here (their logs deleted) whose records the server may lack, read from the
 * change sequence above the number the last sent records covered. That number is kept apart from
 * the push's: a restore (or a change log pruned past the push) makes the next sync offer every
 * review again and forget where the push stood, but an undo made before or after it is an undo
 * all the same, and must still reach the server before the pull brings the review back. Before
 * any record was sent it starts where the last complete push did (none before a first push: this
 * device pushed nothing that could come back). Reviews already known undone (their record pulled,
 * or sent) are left out.
 */
export async function undoneToSend(
  db: AppDb,
  sync: SyncDb,
): Promise<{ usn: number; undone: UndoneReview[] }> {
  const [mark, { pushedUsn }] = await Promise.all([sync.kv.get(UNDONE_USN), loadProgress(sync)]);
  const since = typeof mark?.value === 'number' ? mark.value : pushedUsn;
  if (since === undefined) return { usn: await currentUsn(db), undone: [] };
  const { usn, changes } = await changesSince(db, since);
  const deleted = changes.filter((c) => c.table === 'logs' && c.deleted);
  const known = await sync.undone.bulkGet(deleted.map((c) => c.key));
  return { usn, undone: deleted.flatMap((c, i) => (known[i] ? [] : [{ id: c.key, deckId: c.deckId }])) };
}

/** The change sequence number the last records sent covered (0: none sent yet); the rows above stay. */
export const undoneSentUsn = async (sync: SyncDb): Promise<number> => {
  const value = (await sync.kv.get(UNDONE_USN))?.value;
  return typeof value === 'number' ? value : 0;
};

/** The records of `ids` are on the server: never applied again here, and the next look starts at `usn`. */
export async function markUndoneSent(sync: SyncDb, ids: readonly string[], usn: number): Promise<void> {
  await sync.transaction('rw', sync.kv, sync.undone, async () => {
    if (ids.length) await sync.undone.bulkPut(ids.map((id) => ({ id })));
    await sync.kv.put({ key: UNDONE_USN, value: usn });
  });
}
