const DAY = 86_400_000;

export interface BackupPrefs {
  lastBackupAt: number | null;
  /** Days without a backup before the reminder shows; null: never remind. */
  remindAfterDays: number | null;
  snoozedUntil: number | null;
}

export const defaultBackupPrefs: BackupPrefs = { lastBackupAt: null, remindAfterDays: 7, snoozedUntil: null };

export const reminderChoices = [1, 3, 7, 14, 30] as const;

/** Safari may delete a site's data after seven days without a visit: remind well before. */
const REFUSED_MAX_DAYS = 3;

export interface Reminder {
  level: 'gentle' | 'urgent';
  /** The last backup, or (without one) the first review that no backup holds. */
  since: number;
  neverBackedUp: boolean;
}

/**
 * Whether to remind the user to back up: only when there are reviews no backup holds, and the
 * last backup (or, without one, the oldest such review) is older than their chosen number of
 * days. When the browser refused persistent storage the reminder comes sooner and is urgent.
 */
export function backupReminder(
  prefs: BackupPrefs,
  oldestUnsavedReview: number | null,
  storageRefused: boolean,
  now: number,
): Reminder | null {
  if (prefs.remindAfterDays === null || oldestUnsavedReview === null) return null;
  if (prefs.snoozedUntil !== null && prefs.snoozedUntil > now) return null;
  const after = storageRefused ? Math.min(prefs.remindAfterDays, REFUSED_MAX_DAYS) : prefs.remindAfterDays;
  const since = prefs.lastBackupAt ?? oldestUnsavedReview;
  if (now - since < after * DAY) return null;
  return { level: storageRefused ? 'urgent' : 'gentle', since, neverBackedUp: prefs.lastBackupAt === null };
}

/** Stored prefs, whatever shape they were saved in, with defaults for what is missing or wrong. */
export function readBackupPrefs(value: unknown): BackupPrefs {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof BackupPrefs, unknown>
  >;
  const time = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const days = v.remindAfterDays;
  return {
    lastBackupAt: time(v.lastBackupAt),
    remindAfterDays:
      days === null
        ? null
        : typeof days === 'number' && days >= 1 && days <= 365
          ? days
          : defaultBackupPrefs.remindAfterDays,
    snoozedUntil: time(v.snoozedUntil),
  };
}
