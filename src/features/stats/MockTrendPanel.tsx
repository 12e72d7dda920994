import { Link } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { mockTrend } from '../../domain/mock/score';
import { formatDate, formatPercent } from '../../i18n/format';
import { listMocks } from '../../storage/mocks';
import { statsMessages } from './messages';

/** Mock interview scores over time, beside readiness: memory is one thing, answering under time another. */
export function MockTrendPanel({ deckId }: { deckId: string | null }) {
  const db = useDb();
  const { t, lang } = useFeatureT(statsMessages);
  const mocks = useAsync(() => listMocks(db), [db]);
  const trend = mocks.status === 'done' ? mockTrend(mocks.value, deckId) : [];
  return (
    <section className="panel" aria-labelledby="mock-trend-h">
      <h2 id="mock-trend-h">{t('stats.mockTrend')}</h2>
      {trend.length === 0 ? (
        <p className="hint">{t('stats.mockNone')}</p>
      ) : (
        <>
          <p className="big-number" data-testid="mock-latest">
            {formatPercent(trend.at(-1)!.ratio, lang)}
          </p>
          <table className="data-table">
            <caption className="hint">{t('stats.mockHint')}</caption>
            <thead>
              <tr>
                <th>{t('stats.mockDate')}</th>
                <th>{t('stats.mockScore')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.at}>
                  <td>{formatDate(p.at, lang)}</td>
                  <td>{formatPercent(p.ratio, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Link to={deckId ? `/roles/${deckId}/mock` : '/mock'}>{t('stats.mockStart')}</Link>
    </section>
  );
}
