import { useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import { reminderChoices } from '../../domain/backup/reminder';
import { isPlausibleClock } from '../../domain/scheduling/valid';
import { backupFileName } from '../../domain/export/fileNames';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { loadBackupPrefs, markBackedUp, saveBackupPrefs } from '../../storage/backup/prefs';
import { useAppStore } from '../../state/appStore';
import { download, isAbort } from './download';
import { failureText } from './errors';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

export function BackupSection() {
  const db = useDb();
  const { t, lang } = useFeatureT(dataMessages);
  const job = useJob();
  const persist = useAppStore((s) => s.persist);
  const prefs = useAsync(() => loadBackupPrefs(db), [db]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const backUp = async () => {
    setStatus(null);
    const now = Date.now();
    // A backup dated outside the years restore accepts could never be restored.
    if (!isPlausibleClock(now)) return setStatus({ ok: false, text: t('data.error.clock') });
    try {
      const result = await job.run({ kind: 'exportBackup', dbName: db.name, now });
      if (result.kind !== 'export') return;
      download(result.blob, backupFileName(now));
      const done = t('data.backup.done', { count: formatNumber(result.count, lang) });
      try {
        await markBackedUp(db, now);
        useAppStore.getState().dataChanged();
        setStatus({ ok: true, text: done });
      } catch (error) {
        // The file is complete: say so, and what could not be noted.
        setStatus({
          ok: true,
          text: `${done} ${t('data.backup.notNoted', { reason: failureText(error, t, 'data.plainReason') })}`,
        });
      }
    } catch (error) {
      setStatus({
        ok: false,
        text: isAbort(error) ? t('data.cancelled') : failureText(error, t),
      });
    }
  };

  const setRemind = async (value: string) => {
    await saveBackupPrefs(db, (p) => ({ ...p, remindAfterDays: value === 'never' ? null : Number(value) }));
    useAppStore.getState().dataChanged();
  };

  const current = prefs.status === 'done' ? prefs.value : null;
  const last = current?.lastBackupAt ?? null;
  return (
    <section className="data-section" aria-labelledby="data-backup">
      <h2 id="data-backup">{t('data.backup.title')}</h2>
      <p>{t('data.backup.intro')}</p>
      <p data-testid="last-backup">
        {last === null
          ? t('data.backup.never')
          : t('data.backup.last', { date: `${formatDate(last, lang)} ${formatTime(last, lang)}` })}
      </p>
      <button type="button" className="primary" onClick={() => void backUp()} disabled={job.running}>
        {t('data.backup.download')}
      </button>
      <JobProgress {...job} label={t('data.backup.writing')} onCancel={job.cancel} />
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? undefined : 'error'}>
          {status.text}
        </p>
      )}
      {current && (
        <label>
          {t('data.backup.remind')}
          <select
            value={current.remindAfterDays === null ? 'never' : String(current.remindAfterDays)}
            onChange={(e) => void setRemind(e.target.value)}
          >
            {reminderChoices.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? t('data.backup.oneDay') : t('data.backup.days', { n: d })}
              </option>
            ))}
            <option value="never">{t('data.backup.remindNever')}</option>
          </select>
        </label>
      )}
      {persist === 'refused' && <p className="banner banner-warn">{t('data.backup.refused')}</p>}
    </section>
  );
}
