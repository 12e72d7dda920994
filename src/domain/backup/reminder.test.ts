import { describe, expect, it } from 'vitest';
import { backupReminder, defaultBackupPrefs, readBackupPrefs } from './reminder';

const DAY = 86_400_000;
const now = Date.UTC(2026, 4, 20, 9);

describe('backup reminder', () => {
  it('stays quiet while every review is in a backup, or the backup is recent', () => {
    expect(
      backupReminder({ ...defaultBackupPrefs, lastBackupAt: now - 30 * DAY }, null, false, now),
    ).toBeNull();
    expect(
      backupReminder({ ...defaultBackupPrefs, lastBackupAt: now - 6 * DAY }, now - DAY, false, now),
    ).toBeNull();
  });

  it('reminds after the chosen number of days, counting from the first unsaved review when there was no backup', () => {
    expect(
      backupReminder({ ...defaultBackupPrefs, lastBackupAt: now - 8 * DAY }, now - DAY, false, now),
    ).toEqual({
      level: 'gentle',
      since: now - 8 * DAY,
      neverBackedUp: false,
    });
    expect(backupReminder(defaultBackupPrefs, now - 7 * DAY, false, now)).toMatchObject({
      neverBackedUp: true,
    });
    expect(backupReminder(defaultBackupPrefs, now - 6 * DAY, false, now)).toBeNull();
    expect(
      backupReminder({ ...defaultBackupPrefs, remindAfterDays: null }, now - 99 * DAY, false, now),
    ).toBeNull();
  });

  it('is sooner and urgent when persistent storage was refused, and can be snoozed', () => {
    expect(backupReminder(defaultBackupPrefs, now - 3 * DAY, true, now)).toMatchObject({ level: 'urgent' });
    expect(backupReminder(defaultBackupPrefs, now - 2 * DAY, true, now)).toBeNull();
    const snoozed = { ...defaultBackupPrefs, snoozedUntil: now + 1 };
    expect(backupReminder(snoozed, now - 30 * DAY, true, now)).toBeNull();
  });

  it('reads stored prefs defensively', () => {
    expect(readBackupPrefs(undefined)).toEqual(defaultBackupPrefs);
    expect(readBackupPrefs({ lastBackupAt: 'x', remindAfterDays: 0 })).toEqual(defaultBackupPrefs);
    expect(readBackupPrefs({ lastBackupAt: 5, remindAfterDays: null })).toMatchObject({
      lastBackupAt: 5,
      remindAfterDays: null,
    });
  });
});
