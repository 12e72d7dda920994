import { Link } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { reminderMessages } from './reminderMessages';
import { backupReminder } from '../../domain/backup/reminder';
import { formatDate } from '../../i18n/format';
import { loadReminderInput, saveBackupPrefs } from '../../storage/backup/prefs';
import { useAppStore } from '../../state/appStore';

const DAY = 86_400_000;

/**
 * The banner that asks for a backup when reviews have gone unsaved for the chosen number of
 * days; urgent, and sooner, when the browser refused persistent storage. Small on purpose: it
 * loads on every screen but the review.
 */
export function BackupReminder() {
  const db = useDb();
  const { t, lang } = useFeatureT(reminderMessages);
  const persist = useAppStore((s) => s.persist);
  const input = useAsync(async () => ({ ...(await loadReminderInput(db)), now: Date.now() }), [db]);
  if (input.status !== 'done') return null;
  const { prefs, oldestUnsaved, now } = input.value;
  const reminder = backupReminder(prefs, oldestUnsaved, persist === 'refused', now);
  if (!reminder) return null;
  const urgent = reminder.level === 'urgent';
  const snooze = async () => {
    await saveBackupPrefs(db, (p) => ({ ...p, snoozedUntil: Date.now() + DAY }));
    useAppStore.getState().dataChanged();
  };
  const date = formatDate(reminder.since, lang);
  const text = reminder.neverBackedUp ? t('data.reminder.never', { date }) : t('data.reminder.old', { date });
  return (
    <div
      role={urgent ? 'alert' : 'status'}
      className={`banner ${urgent ? 'banner-error' : 'banner-warn'} backup-reminder`}
    >
      {text} {urgent && t('data.reminder.urgent')} <Link to="/data">{t('data.reminder.backUp')}</Link>{' '}
      <button type="button" onClick={() => void snooze()}>
        {t('data.reminder.snooze')}
      </button>
    </div>
  );
}
