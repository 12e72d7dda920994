import { useFeatureT } from '../../components/useT';
import { DataTable } from '../../components/charts/DataTable';
import { recallCurve, type HistoryRow } from '../../domain/browse/history';
import { formatDate } from '../../i18n/format';
import { browserMessages } from './messages';

const W = 600;
const H = 180;

/** Predicted recall (line, 0–100%) and stability after each review (dots, days, own scale) over time. */
export function CardChart({ history, now }: { history: HistoryRow[]; now: number }) {
  const { t, lang } = useFeatureT(browserMessages);
  if (history.length === 0) return null;
  const curve = recallCurve(history, now);
  const t0 = history[0]!.review;
  const span = Math.max(1, now - t0);
  const x = (time: number) => ((time - t0) / span) * W;
  const maxS = Math.max(1, ...history.map((h) => h.stability));
  const line = curve.map(
    (p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${(H - p.recall * H).toFixed(1)}`,
  );
  const dots = history
    .map((h) => {
      const cx = x(h.review).toFixed(1);
      const cy = (H - (h.stability / maxS) * H).toFixed(1);
      return `M${cx},${cy}m-4,0a4,4 0 1,0 8,0a4,4 0 1,0 -8,0`;
    })
    .join('');
  return (
    <figure>
      <figcaption>{t('cardPage.chart')}</figcaption>
      <svg className="card-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('cardPage.chart')}>
        <path d={line.join('')} fill="none" stroke="var(--review)" strokeWidth="2" />
        {/* One path of circles (two arcs each): a card with hundreds of reviews adds one element, not hundreds. */}
        <path className="card-chart-dots" d={dots} fill="var(--accent)" />
      </svg>
      <DataTable
        summary={t('cardPage.chartData')}
        rows={() =>
          history.map((h) => [
            formatDate(h.review, lang),
            `${t('cardPage.stability')}: ${t('cardPage.days', { n: Math.round(h.stability * 10) / 10 })}`,
          ])
        }
      />
    </figure>
  );
}
