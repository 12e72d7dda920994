import { useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import { historyFileName } from '../../domain/export/fileNames';
import type { DeckRecord } from '../../domain/deck/records';
import { formatNumber } from '../../i18n/format';
import { download, isAbort } from './download';
import { failureText } from './errors';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** `YYYY-MM-DD` from a date input as local midnight; `end` gives the next midnight (the day is included). */
function dayStart(value: string, end = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)).getTime();
}

export function HistoryExportSection({ decks }: { decks: DeckRecord[] }) {
  const db = useDb();
  const { t, lang } = useFeatureT(dataMessages);
  const job = useJob();
  const [deckId, setDeckId] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const range = { from: dayStart(from), to: dayStart(to, true) };
  const badRange = range.from !== null && range.to !== null && range.from >= range.to;

  const exportHistory = async () => {
    setStatus(null);
    const now = Date.now();
    const scope = deckId || null;
    try {
      const result = await job.run({
        kind: 'exportHistory',
        dbName: db.name,
        query: { deckId: scope, range, format },
        now,
      });
      if (result.kind !== 'export') return;
      download(result.blob, historyFileName(scope, range, now, format));
      setStatus({ ok: true, text: t('data.history.done', { count: formatNumber(result.count, lang) }) });
    } catch (error) {
      setStatus({
        ok: false,
        text: isAbort(error) ? t('data.cancelled') : failureText(error, t),
      });
    }
  };

  return (
    <section className="data-section" aria-labelledby="data-history">
      <h2 id="data-history">{t('data.history.title')}</h2>
      <p>{t('data.history.intro')}</p>
      <label>
        {t('data.history.scope')}
        <select value={deckId} onChange={(e) => setDeckId(e.target.value)}>
          <option value="">{t('data.history.allRoles')}</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('data.history.format')}</legend>
        <label className="toggle">
          <input
            type="radio"
            name="history-format"
            checked={format === 'csv'}
            onChange={() => setFormat('csv')}
          />{' '}
          {t('data.history.csv')}
        </label>
        <label className="toggle">
          <input
            type="radio"
            name="history-format"
            checked={format === 'json'}
            onChange={() => setFormat('json')}
          />{' '}
          {t('data.history.json')}
        </label>
      </fieldset>
      <div className="date-range">
        <label>
          {t('data.history.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('data.history.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {badRange && <p role="alert">{t('data.history.badRange')}</p>}
      <button
        type="button"
        className="primary"
        disabled={job.running || badRange}
        onClick={() => void exportHistory()}
      >
        {t('data.history.export')}
      </button>
      <JobProgress {...job} label={t('data.history.writing')} onCancel={job.cancel} />
      {status && <p role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
