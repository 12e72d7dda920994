import { useFeatureT } from '../../components/useT';
import type { HistoryRow } from '../../domain/browse/history';
import { formatDate, formatNumber } from '../../i18n/format';
import { browserMessages } from './messages';

const RATINGS = { 1: 'review.again', 2: 'review.hard', 3: 'review.good', 4: 'review.easy' } as const;

/** Every review of the card: when, the rating, the interval it gave, the time spent. */
export function CardHistory({ history }: { history: HistoryRow[] }) {
  const { t, lang } = useFeatureT(browserMessages);
  if (history.length === 0) return <p>{t('cardPage.noHistory')}</p>;
  return (
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
        {history.map((h) => (
          <tr key={h.review}>
            <td>{formatDate(h.review, lang)}</td>
            <td>{t(RATINGS[h.rating])}</td>
            <td>{t('cardPage.days', { n: Math.round(h.intervalDays * 10) / 10 })}</td>
            <td>{t('cardPage.seconds', { n: formatNumber(Math.round(h.durationMs / 1000), lang) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
