import { useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import type { DataMessageKey as MessageKey } from './messages';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { rollBack } from '../../storage/backup/restore';
import { snapshotInfo, type SnapshotReason } from '../../storage/backup/snapshot';
import { failureText } from './errors';
import { refreshApp } from './refresh';

// Every reason has its words: a new reason without them does not compile.
const reasonKey: Record<SnapshotReason, MessageKey> = {
  restore: 'data.snapshot.reason.restore',
  import: 'data.snapshot.reason.import',
  deleteDeck: 'data.snapshot.reason.deleteDeck',
  rollback: 'data.snapshot.reason.rollback',
  reschedule: 'data.snapshot.reason.reschedule',
  reset: 'data.snapshot.reason.reset',
};

/** The automatic snapshot kept before the last restore, import or deletion, and the way back to it. */
export function SnapshotSection() {
  const db = useDb();
  const { t, lang } = useFeatureT(dataMessages);
  const info = useAsync(() => snapshotInfo(db), [db]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const roll = async () => {
    setBusy(true);
    try {
      await rollBack(db, Date.now());
      setStatus({ ok: true, text: t('data.snapshot.done') });
      await refreshApp(db);
    } catch (error) {
      setStatus({ ok: false, text: failureText(error, t) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const snap = info.status === 'done' ? info.value : null;
  return (
    <section className="data-section" aria-labelledby="data-snapshot">
      <h2 id="data-snapshot">{t('data.snapshot.title')}</h2>
      {!snap ? (
        <p className="muted">{t('data.snapshot.none')}</p>
      ) : (
        <>
          <p data-testid="snapshot-info">
            {t('data.snapshot.info', {
              date: `${formatDate(snap.createdAt, lang)} ${formatTime(snap.createdAt, lang)}`,
              reason: t(reasonKey[snap.reason] ?? 'data.snapshot.reason.restore'),
              scope:
                snap.scope.kind === 'all'
                  ? t('data.snapshot.all')
                  : t('data.snapshot.deck', { id: snap.scope.deckId }),
              states: formatNumber(snap.counts.states, lang),
              logs: formatNumber(snap.counts.logs, lang),
            })}
          </p>
          {!confirming ? (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('data.snapshot.rollBack')}
            </button>
          ) : (
            <div className="banner banner-warn" role="alertdialog" aria-label={t('data.snapshot.rollBack')}>
              <p>{t('data.snapshot.confirm')}</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void roll()}>
                {t('data.snapshot.confirmButton')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('data.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
