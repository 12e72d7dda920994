import { readBackupPrefs, type BackupPrefs } from '../../domain/backup/reminder';
import type { AppDb } from '../db';

const KEY = 'data.backup';

export async function loadBackupPrefs(db: AppDb): Promise<BackupPrefs> {
  return readBackupPrefs((await db.settings.get(KEY))?.value);
}

export async function saveBackupPrefs(
  db: AppDb,
  change: (prefs: BackupPrefs) => BackupPrefs,
): Promise<BackupPrefs> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await loadBackupPrefs(db));
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

export const markBackedUp = (db: AppDb, now: number) =>
  saveBackupPrefs(db, (p) => ({ ...p, lastBackupAt: now, snoozedUntil: null }));

/** What the reminder needs: the prefs, and the oldest review that no backup holds yet. */
export async function loadReminderInput(
  db: AppDb,
): Promise<{ prefs: BackupPrefs; oldestUnsaved: number | null }> {
  const prefs = await loadBackupPrefs(db);
  const first = await db.logs
    .where('review')
    .above(prefs.lastBackupAt ?? -Infinity)
    .first();
  return { prefs, oldestUnsaved: first?.review ?? null };
}
