import { useEffect, useRef, useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import type { RestoreMode } from '../../domain/backup/plan';
import type { DataProblem } from '../../domain/import/problem';
import { isAbort } from './download';
import { failureText } from './errors';
import { JobProgress } from './JobProgress';
import { ProblemList } from './ProblemList';
import { refreshApp } from './refresh';
import { BackupContents, RestoreSummaryView } from './RestoreSummaryView';
import type { RestorePreview } from './worker/restoreJob';
import { openRestoreSession, type RestoreSession } from './worker/restoreSession';

export function RestoreSection() {
  const db = useDb();
  const { t } = useFeatureT(dataMessages);
  const session = useRef<RestoreSession | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [problems, setProblems] = useState<DataProblem[]>([]);
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => () => session.current?.close(), []);

  const choose = async (file: File | undefined) => {
    session.current?.close();
    session.current = null;
    setPreview(null);
    setProblems([]);
    setStatus(null);
    if (!file) return;
    const mine = openRestoreSession(file, db);
    session.current = mine;
    setReading(true);
    try {
      const check = await mine.check;
      if (session.current !== mine) return;
      if (check.ok) setPreview(check.preview);
      else setProblems(check.problems);
    } catch (error) {
      if (!isAbort(error)) setStatus({ ok: false, text: failureText(error, t) });
    } finally {
      if (session.current === mine) setReading(false);
    }
  };

  const restore = async () => {
    const mine = session.current;
    if (!mine || !preview) return;
    setApplying({ done: 0, total: 0 });
    try {
      await mine.apply(mode, (done, total) => setApplying({ done, total }));
      session.current = null;
      setPreview(null);
      setStatus({ ok: true, text: t('data.restore.done') });
      await refreshApp(db);
    } catch (error) {
      setStatus({ ok: false, text: failureText(error, t, 'data.restore.failed') });
    } finally {
      setApplying(null);
    }
  };

  return (
    <section className="data-section" aria-labelledby="data-restore">
      <h2 id="data-restore">{t('data.restore.title')}</h2>
      <p>{t('data.restore.intro')}</p>
      <label>
        {t('data.restore.choose')}
        <input
          type="file"
          accept=".json,application/json"
          disabled={reading || applying !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void choose(file);
          }}
        />
      </label>
      <JobProgress running={reading} done={0} total={0} label={t('data.reading')} />
      <ProblemList problems={problems} title={t('data.restore.refused')} />
      {preview && (
        <div className="restore-preview">
          <BackupContents contents={preview.contents} />
          <fieldset>
            <legend>{t('data.restore.how')}</legend>
            {(['replace', 'merge'] as const).map((m) => (
              <label key={m} className="toggle">
                <input type="radio" name="restore-mode" checked={mode === m} onChange={() => setMode(m)} />{' '}
                {t(m === 'replace' ? 'data.restore.replace' : 'data.restore.merge')}
              </label>
            ))}
          </fieldset>
          <RestoreSummaryView summary={preview.previews[mode]} />
          <p className="hint">{t('data.restore.snapshotNote')}</p>
          <button
            type="button"
            className="primary"
            disabled={applying !== null}
            onClick={() => void restore()}
          >
            {t(mode === 'replace' ? 'data.restore.applyReplace' : 'data.restore.applyMerge')}
          </button>
        </div>
      )}
      <JobProgress
        running={applying !== null}
        {...(applying ?? { done: 0, total: 0 })}
        label={t('data.restore.applying')}
      />
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
