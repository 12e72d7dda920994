import { BarChart } from '../../components/charts/BarChart';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { StatsReport } from '../../domain/stats/report';
import type { Bucket } from '../../domain/stats/schedule';
import { formatDayNumber, formatNumber, formatPercent } from '../../i18n/format';
import { stateLabels } from '../../components/stateLabels';

const range = (b: Bucket, show: (n: number) => string) =>
  b.to === Infinity ? `≥ ${show(b.from)}` : `${show(b.from)}–${show(b.to)}`;

/** The future (due forecast) and the shape of the collection (states and distributions). */
export function SchedulePanel({ report }: { report: StatsReport }) {
  const { t, lang } = useFeatureT(statsMessages);
  const n = (v: number) => formatNumber(v, lang);
  const { distributions: d } = report;
  return (
    <section className="panel" aria-labelledby="schedule-h">
      <h2 id="schedule-h">{t('stats.forecast')}</h2>
      <BarChart
        title={t('stats.forecast')}
        labels={report.forecast.map((_, i) => formatDayNumber(report.history.today + i, lang))}
        values={report.forecast}
        format={n}
      />
      <h2>{t('stats.states')}</h2>
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
      <BarChart
        title={t('stats.stability')}
        labels={d.stability.map((b) => range(b, n))}
        values={d.stability.map((b) => b.count)}
        format={n}
      />
      <BarChart
        title={t('stats.difficulty')}
        labels={d.difficulty.map((b) => range(b, n))}
        values={d.difficulty.map((b) => b.count)}
        format={n}
      />
      <BarChart
        title={t('stats.retrievability')}
        labels={d.retrievability.map((b) => range(b, (v) => formatPercent(Math.min(v, 1), lang)))}
        values={d.retrievability.map((b) => b.count)}
        format={n}
      />
    </section>
  );
}
