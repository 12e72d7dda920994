import { currentUsn } from '../changeSequence';
import type { AppDb } from '../db';
import { loadProgress, saveProgress, type SyncDb } from './syncDb';

/**
 * A device restored from a backup may have lost reviews the server has, and gained ones it does
 * not: a restore is recorded in the change sequence as a wholesale change (`*`). When one
 * happened since the last sync, this device pulls everything again and offers everything it has
 * (both are no-ops for what is already there). Returns the sequence number the next check starts from.
 */
export async function rejoinIfRestored(db: AppDb, sync: SyncDb): Promise<{ usn: number; rejoined: boolean }> {
  const usn = await currentUsn(db);
  const progress = await loadProgress(sync);
  if (progress.checkedUsn === undefined || progress.checkedUsn >= usn) return { usn, rejoined: false };
  const restores = await db.changeLog
    .where('usn')
    .between(progress.checkedUsn, usn, false, true)
    .filter((row) => row.bulk?.includes('*') ?? false)
    .count();
  if (restores === 0) return { usn, rejoined: false };
  await sync.transaction('rw', sync.kv, sync.seen, async () => {
    await sync.seen.clear();
    await saveProgress(sync, { ...(await loadProgress(sync)), pullSince: '0', pushedThrough: -Infinity });
  });
  return { usn, rejoined: true };
}

/** The change sequence number a completed sync covered. */
export async function markChecked(sync: SyncDb, usn: number): Promise<void> {
  await saveProgress(sync, { ...(await loadProgress(sync)), checkedUsn: usn });
}
