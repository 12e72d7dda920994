import { useState, type FormEvent } from 'react';
import type * as SyncClient from '../../components/sync/syncClient';
import { useFeatureT } from '../../components/useT';
import type { SetupResult } from '../../components/sync/protocol';
import type { SyncServer } from '../../domain/sync/server';
import { syncMessages, type SyncMessageKey } from './syncMessages';

type Client = typeof SyncClient;

/** What a test or setup answered, in words. */
export const resultKey = (result: SetupResult): SyncMessageKey =>
  !result
    ? 'sync.testOk'
    : 'issue' in result
      ? `sync.issue.${result.issue}`
      : `sync.failed.${result.failure}`;

/** The server, user and password; Test connection, then Turn sync on (which tests again first). */
export function SyncSetupForm({ client, onSetUp }: { client: Client; onSetUp: () => void }) {
  const { t } = useFeatureT(syncMessages);
  const [server, setServer] = useState<SyncServer>({ url: '', user: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ key: SyncMessageKey; ok: boolean } | null>(null);
  const field = (name: keyof SyncServer) => ({
    name,
    value: server[name],
    onChange: (e: { target: { value: string } }) => setServer({ ...server, [name]: e.target.value }),
  });
  const run = async (action: (s: SyncServer) => Promise<SetupResult>, setUp: boolean) => {
    setBusy(true);
    setMessage(null);
    const result = await action(server).finally(() => setBusy(false));
    setMessage({ key: resultKey(result), ok: !result });
    if (!result && setUp) onSetUp();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(client.setUpSync, true);
  };
  return (
    <form className="settings-form" onSubmit={submit} aria-busy={busy}>
      <label>
        {t('sync.url')} <small className="muted">{t('sync.urlHint')}</small>
        <input type="url" inputMode="url" autoComplete="url" required {...field('url')} />
      </label>
      <label>
        {t('sync.user')}
        <input autoComplete="username" required {...field('user')} />
      </label>
      <label>
        {t('sync.password')} <small className="muted">{t('sync.passwordHint')}</small>
        <input type="password" autoComplete="current-password" required {...field('password')} />
      </label>
      <div className="sync-actions">
        <button type="button" disabled={busy} onClick={() => void run(client.testServer, false)}>
          {t('sync.test')}
        </button>
        <button type="submit" disabled={busy}>
          {t('sync.setUp')}
        </button>
      </div>
      {busy && <p role="status">{t('sync.testing')}</p>}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'sync-failure'}>
          {t(message.key)}
        </p>
      )}
    </form>
  );
}
