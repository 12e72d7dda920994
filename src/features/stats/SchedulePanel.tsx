import { BarChart } from '../../components/charts/BarChart';
import { useFeatureT } from '../../components/useT';
import { statsMessages, type StatsMessageKey } from './messages';
import type { StatsReport } from '../../domain/stats/report';
import type { Bucket } from '../../domain/stats/schedule';
import { formatDayNumber, formatNumber, formatPercent } from '../../i18n/format';
import { stateLabels } from '../../components/stateLabels';

/** A bin's range; the last bin runs to `top` when the scale has one (difficulty 10, recall 100 %). */
const range = (b: Bucket, show: (n: number) => string, top?: number) =>
  b.to === Infinity && top === undefined
    ? `≥ ${show(b.from)}`
    : `${show(b.from)}–${show(b.to === Infinity ? top! : b.to)}`;

/** The bins' edges for the x axis; an open last bin's end is left unnamed. */
const edgesOf = (buckets: Bucket[], show: (n: number) => string, top?: number) => [
  ...buckets.map((b) => show(b.from)),
  top === undefined ? '' : show(top),
];

/** The future (due forecast) and the shape of the collection (states and distributions). */
export function SchedulePanel({ report }: { report: StatsReport }) {
  const { t, lang } = useFeatureT(statsMessages);
  const n = (v: number) => formatNumber(v, lang);
  const pct = (v: number) => formatPercent(v, lang);
  const { distributions: d } = report;
  const point = (label: string, value: string) => t('stats.point', { label, value });
  const dueLabels = report.forecast.map((_, i) => formatDayNumber(report.history.today + i, lang));
  const studied = d.stability.some((b) => b.count > 0);
  const histogram = (
    title: StatsMessageKey,
    axis: StatsMessageKey,
    bin: StatsMessageKey,
    buckets: Bucket[],
    labels: string[],
    edges: string[],
  ) => (
    <BarChart
      title={t(title)}
      labels={labels}
      values={buckets.map((b) => b.count)}
      unit={t('stats.axisCards')}
      edges={edges}
      xUnit={t(axis)}
      format={n}
      describe={(i) => point(t(bin, { range: labels[i]! }), t('stats.nCards', { n: buckets[i]!.count }))}
      empty={t('stats.noneStudied')}
      head={[t(axis), t('stats.axisCards')]}
    />
  );
  return (
    <section className="panel" aria-labelledby="schedule-h">
      <h2 id="schedule-h">{t('stats.schedule')}</h2>
      <BarChart
        title={t('stats.forecast')}
        labels={dueLabels}
        values={report.forecast}
        unit={t('stats.axisDue')}
        format={n}
        describe={(i) => point(dueLabels[i]!, t('stats.nDue', { n: report.forecast[i]! }))}
        empty={t('stats.nothingDue')}
        head={[t('stats.date'), t('stats.axisDue')]}
      />
      <h3>{t('stats.states')}</h3>
      <dl className="stat-grid">
        {stateLabels.map(([key, label]) => (
          <div key={key}>
            <dt>{t(label)}</dt>
            <dd data-testid={`count-${key}`}>{n(report.counts[key])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('common.leeches')}</dt>
          <dd data-testid="count-leeches">{n(report.counts.leeches)}</dd>
        </div>
      </dl>
      {studied ? (
        <>
          {histogram(
            'stats.byStability',
            'stats.stability',
            'stats.stabilityBin',
            d.stability,
            d.stability.map((b) => range(b, n)),
            edgesOf(d.stability, n),
          )}
          {histogram(
            'stats.byDifficulty',
            'stats.difficulty',
            'stats.difficultyBin',
            d.difficulty,
            d.difficulty.map((b) => range(b, n, 10)),
            edgesOf(d.difficulty, n, 10),
          )}
          {histogram(
            'stats.byRecall',
            'stats.retrievability',
            'stats.recallBin',
            d.retrievability,
            d.retrievability.map((b) => `${n(b.from * 100)}–${pct(Math.min(b.to, 1))}`),
            edgesOf(d.retrievability, pct, 1),
          )}
        </>
      ) : (
        <p className="chart-empty">{t('stats.noneStudied')}</p>
      )}
    </section>
  );
}
