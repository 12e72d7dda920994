import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import { formatNumber } from '../../i18n/format';
import { isAbort } from './download';
import { failureText } from './errors';
import { JobProgress } from './JobProgress';
import { ProblemList, WarningList } from './ProblemList';
import { refreshApp } from './refresh';
import { useJob } from './useJob';

import type { DeckCheck } from './worker/protocol';

/** The worker's check of a file, and what it was asked with (the import repeats it). */
type Checked = { parse: DeckCheck; request: { file: File; name: string | null } };

export function DeckImportSection() {
  const db = useDb();
  const { t, lang } = useFeatureT(dataMessages);
  const job = useJob();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [enable, setEnable] = useState(true);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string; deckId?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const [request, setRequest] = useState<{ file: File; name: string | null } | null>(null);
  const n = (x: number) => formatNumber(x, lang);

  /** Parses and previews in the worker; only the newest request's answer is shown. */
  const check = async (f: File, requestedName: string | null) => {
    const id = ++latest.current;
    try {
      const result = await job.run({
        kind: 'checkDeck',
        dbName: db.name,
        file: f,
        fileName: f.name,
        name: requestedName,
        lang,
      });
      if (result.kind !== 'checkDeck' || id !== latest.current) return;
      const parse = result.check;
      // The file's own name is only a suggestion: never over what the user has typed.
      const suggested = parse.name;
      if (requestedName === null && suggested !== null) setName((typed) => typed || suggested);
      setChecked({ parse, request: { file: f, name: requestedName } });
    } catch (error) {
      if (!isAbort(error) && id === latest.current) {
        setStatus({ ok: false, text: failureText(error, t) });
      }
    }
  };

  // A new file is checked at once; a renamed deck once typing pauses (its id follows the name).
  useEffect(() => {
    if (!request) return;
    const timer = setTimeout(() => void check(request.file, request.name), request.name === null ? 0 : 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const choose = (f: File | undefined) => {
    setStatus(null);
    setChecked(null);
    setName('');
    setFile(f ?? null);
    setRequest(f ? { file: f, name: null } : null);
  };

  const rename = (value: string) => {
    setName(value);
    if (file) setRequest({ file, name: value });
  };

  const apply = async () => {
    if (!checked?.parse.ok) return;
    setBusy(true);
    try {
      const { file: f, name: requestedName } = checked.request;
      const result = await job.run({
        kind: 'importDeck',
        dbName: db.name,
        file: f,
        fileName: f.name,
        name: requestedName,
        lang,
        enable,
        now: Date.now(),
      });
      if (result.kind !== 'imported') return;
      setStatus({ ok: true, text: t('data.import.done', { name: result.name }), deckId: result.deckId });
      setChecked(null);
      setFile(null);
      setRequest(null);
      await refreshApp(db);
    } catch (error) {
      setStatus({ ok: false, text: failureText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const parse = checked?.parse;
  const preview = parse?.ok ? parse.preview : null;
  return (
    <section className="data-section" aria-labelledby="data-import">
      <h2 id="data-import">{t('data.import.title')}</h2>
      <p>{t('data.import.intro')}</p>
      <label>
        {t('data.import.choose')}
        <input
          type="file"
          accept=".json,.csv,.tsv,.txt,text/csv,text/tab-separated-values,application/json,text/plain"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            choose(f);
          }}
        />
      </label>
      {file && (
        <>
          <label>
            {t('data.import.name')}
            <input value={name} onChange={(e) => rename(e.target.value)} maxLength={80} />
          </label>
          <label className="toggle">
            <input type="checkbox" checked={enable} onChange={(e) => setEnable(e.target.checked)} />{' '}
            {t('data.import.enable')}
          </label>
        </>
      )}
      <JobProgress {...job} label={t('data.reading')} />
      {parse && !parse.ok && <ProblemList problems={parse.problems} title={t('data.import.refused')} />}
      {parse?.ok && preview && (
        <div className="import-preview" data-testid="import-preview">
          <p>
            {preview.updates
              ? t('data.import.updates', {
                  name: parse.name,
                  added: n(preview.added),
                  changed: n(preview.changed),
                  kept: n(preview.kept),
                  retired: n(preview.retired),
                })
              : t('data.import.new', { name: parse.name, cards: n(preview.cards) })}
          </p>
          <WarningList warnings={parse.warnings} />
          {preview.updates && <p className="hint">{t('data.import.snapshotNote')}</p>}
          <button
            type="button"
            className="primary"
            disabled={busy || job.running}
            onClick={() => void apply()}
          >
            {t('data.import.apply')}
          </button>
        </div>
      )}
      {status && (
        <p role={status.ok ? 'status' : 'alert'}>
          {status.text} {status.deckId && <Link to={`/roles/${status.deckId}`}>{t('data.import.open')}</Link>}
        </p>
      )}
    </section>
  );
}
