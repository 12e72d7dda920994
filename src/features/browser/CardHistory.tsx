import { useState } from 'react';
import { useFeatureT } from '../../components/useT';
import type { HistoryRow } from '../../domain/browse/history';
import { formatDate, formatNumber } from '../../i18n/format';
import { browserMessages } from './messages';

const RATINGS = { 1: 'review.again', 2: 'review.hard', 3: 'review.good', 4: 'review.easy' } as const;

/** Reviews shown at first: the latest; the earlier ones on request (a table row costs ~0.2 ms). */
export const RECENT_REVIEWS = 50;

/** Every review of the card: when, the rating, the interval it gave, the time spent. */
export function CardHistory({ history }: { history: HistoryRow[] }) {
  const { t, lang } = useFeatureT(browserMessages);
  const [all, setAll] = useState(false);
  if (history.length === 0) return <p>{t('cardPage.noHistory')}</p>;
  const earlier = all ? 0 : Math.max(0, history.length - RECENT_REVIEWS);
  const shown = earlier ? history.slice(earlier) : history;
  return (
    <>
      {earlier > 0 && (
        <button type="button" onClick={() => setAll(true)}>
          {t('cardPage.earlier', { n: earlier })}
        </button>
      )}
      <table className="card-history">
        <thead>
          <tr>
            <th scope="col">{t('cardPage.date')}</th>
            <th scope="col">{t('cardPage.rating')}</th>
            <th scope="col">{t('cardPage.interval')}</th>
            <th scope="col">{t('cardPage.time')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((h) => (
            <tr key={h.review}>
              <td>{formatDate(h.review, lang)}</td>
              <td>{t(RATINGS[h.rating])}</td>
              <td>{t('cardPage.days', { n: Math.round(h.intervalDays * 10) / 10 })}</td>
              <td>{t('cardPage.seconds', { n: formatNumber(Math.round(h.durationMs / 1000), lang) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
