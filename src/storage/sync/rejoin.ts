import { DECKS_DOC } from '../../domain/sync/deckDocs';
import type { AppDb } from '../db';
import { forgetFieldBase, loadProgress, saveProgress, type SyncDb } from './syncDb';

/**
 * A device restored from a backup may have lost reviews the server has, and gained ones it does
 * not: a restore is recorded in the change sequence as a wholesale change (`*`). The same holds
 * when the change log no longer reaches back to the last push (pruned), or the database went back
 * to an earlier number (deleted and made again): what changed since cannot be told. Then this
 * device pulls everything again and offers everything it has that the server lacks (both no-ops
 * for what is already there). Returns whether it rejoined.
 */
export async function rejoinIfRestored(db: AppDb, sync: SyncDb): Promise<boolean> {
  const progress = await loadProgress(sync);
  const since = progress.pushedUsn;
  if (since === undefined) return false;
  const pulls = new Set(progress.pulls);
  const [first, last, restores] = await db.transaction('r', db.changeLog, () =>
    Promise.all([
      db.changeLog.orderBy('usn').firstKey(),
      db.changeLog.orderBy('usn').lastKey(),
      db.changeLog
        .where('usn')
        .above(since)
        .filter((row) => !pulls.has(row.usn) && (row.bulk?.includes('*') ?? false))
        .count(),
    ]),
  );
  const lastUsn = typeof last === 'number' ? last : 0;
  const pruned = typeof first === 'number' ? first > since + 1 : lastUsn < since;
  if (restores === 0 && !pruned && lastUsn >= since) return false;
  await sync.transaction('rw', sync.kv, sync.seenSets, async () => {
    await sync.seenSets.clear();
    // The decks a restored backup lacks (or brings back) are not deletions (or imports) to send
    // everywhere: the server's decks are taken, as on a first sync.
    await forgetFieldBase(sync, DECKS_DOC);
    // Its earlier batches may hold reviews the restore lost: the pull no longer passes them over;
    // the settings, optimizer parameters and decks documents are all merged again.
    const { pushedUsn: _p, pulls: _q, ownFrom: _o, fieldDocs: _f, ...rest } = await loadProgress(sync);
    // With the log pruned, which roles' flags and notes changed cannot be told either: all are offered.
    await saveProgress(sync, { ...rest, pullSince: '0', ...(pruned ? { cardsUsn: undefined } : {}) });
  });
  return true;
}
