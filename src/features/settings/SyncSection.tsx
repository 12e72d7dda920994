import { useEffect, useState } from 'react';
import type * as SyncClient from '../../components/sync/syncClient';
import { useFeatureT } from '../../components/useT';
import type { SyncStatus } from '../../components/sync/protocol';
import { syncIsOn } from '../../components/sync/syncOn';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { syncMessages } from './syncMessages';
import { SyncSetupForm } from './SyncSetupForm';
import './sync.css';

type Client = typeof SyncClient;

/** Settings › Sync: set up, status, sync now, pause, forget. The sync code loads with this section. */
export function SyncSection() {
  const { t, lang } = useFeatureT(syncMessages);
  const [client, setClient] = useState<Client | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let unsubscribe = () => {};
    let live = true;
    if (typeof Worker === 'undefined') return;
    void import('../../components/sync/syncClient').then(async (loaded) => {
      if (!live) return;
      setClient(loaded);
      unsubscribe = loaded.onSyncStatus(setStatus);
      const first = await (syncIsOn() ? loaded.startSync() : loaded.syncStatus());
      if (live) setStatus(first);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const when = (time: number) => `${formatDate(time, lang)} ${formatTime(time, lang)}`;
  const n = (v: number) => formatNumber(v, lang);

  return (
    <section className="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      {typeof Worker === 'undefined' ? (
        <p>{t('sync.unsupported')}</p>
      ) : !client || !status ? (
        <p>{t('common.loading')}</p>
      ) : !status.setup ? (
        <>
          <p className="muted">{t('sync.intro')}</p>
          <SyncSetupForm client={client} onSetUp={() => void client.syncStatus().then(setStatus)} />
        </>
      ) : (
        <>
          <p className="sync-url">
            {status.setup.paused
              ? t('sync.paused')
              : t('sync.on', { url: status.setup.url, user: status.setup.user })}
          </p>
          <p
            role="status"
            data-sync-state={status.running ? 'running' : status.lastFailure ? 'failed' : 'idle'}
          >
            {status.running && status.progress?.replay
              ? t('sync.replaying', {
                  pulled: n(status.progress.pulled),
                  done: n(status.progress.replay.done),
                  total: n(status.progress.replay.total),
                })
              : status.running && status.progress
                ? t('sync.running', { pushed: n(status.progress.pushed), pulled: n(status.progress.pulled) })
                : status.lastSync
                  ? t('sync.lastSync', { when: when(status.lastSync) })
                  : t('sync.never')}{' '}
            {status.pending > 0 ? t('sync.pending', { n: status.pending }) : t('sync.upToDate')}
          </p>
          {status.running && status.progress?.replay && (
            <progress
              className="sync-progress"
              aria-hidden="true"
              value={status.progress.replay.done}
              max={status.progress.replay.total}
            />
          )}
          {!status.running && status.storing && (
            <>
              <p className="muted" data-sync-storing>
                {t('sync.storing', { done: n(status.storing.done), total: n(status.storing.total) })}
              </p>
              <progress
                className="sync-progress"
                aria-hidden="true"
                value={status.storing.done}
                max={status.storing.total}
              />
            </>
          )}
          {status.lastFailure && !status.running && (
            <p role="alert" className="sync-failure">
              {t(`sync.failed.${status.lastFailure}`)}
            </p>
          )}
          <div className="sync-actions">
            <button
              type="button"
              disabled={status.running || status.setup.paused}
              onClick={() => void client.syncNow().then(setStatus)}
            >
              {t('sync.now')}
            </button>
            <button
              type="button"
              onClick={() => void client.pauseSync(!status.setup!.paused).then(setStatus)}
            >
              {status.setup.paused ? t('sync.resume') : t('sync.pause')}
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              {t('sync.forget')}
            </button>
          </div>
          {confirming && (
            <div role="alertdialog" aria-labelledby="sync-forget-text" className="sync-confirm">
              <p id="sync-forget-text">{t('sync.forgetConfirm')}</p>
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  void client.forgetSync().then(setStatus);
                }}
              >
                {t('sync.forget')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('sync.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
