import { useState } from 'react';
import { BarChart } from '../../components/charts/BarChart';
import { Heatmap } from '../../components/charts/Heatmap';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { History } from '../../domain/stats/history';
import { formatDayNumber, formatNumber } from '../../i18n/format';

const ranges = [30, 90, 365] as const;

export function ActivityPanel({ history }: { history: History }) {
  const { t, lang } = useFeatureT(statsMessages);
  const [range, setRange] = useState<(typeof ranges)[number]>(30);
  const days = history.days.slice(-range);
  const labels = days.map((d) => formatDayNumber(d.day, lang));
  const activeDays = history.days.filter((d) => d.count > 0).length;
  const yearReviews = history.days.reduce((n, d) => n + d.count, 0);
  return (
    <section className="panel" aria-labelledby="activity-h">
      <h2 id="activity-h">{t('stats.activity')}</h2>
      <div className="segmented" role="group" aria-label={t('stats.activity')}>
        {ranges.map((r) => (
          <button key={r} aria-pressed={r === range} onClick={() => setRange(r)}>
            {t('stats.range', { n: r })}
          </button>
        ))}
      </div>
      <BarChart
        title={t('stats.activity')}
        labels={labels}
        values={days.map((d) => d.count)}
        format={(v) => formatNumber(v, lang)}
      />
      <BarChart
        title={t('stats.timeSpent')}
        labels={labels}
        values={days.map((d) => Math.round(d.timeMs / 6000) / 10)}
        format={(v) => formatNumber(v, lang)}
      />
      <Heatmap
        title={t('stats.heatmap')}
        days={history.days.map((d) => ({
          label: formatDayNumber(d.day, lang),
          count: d.count,
          weekday: new Date(d.day * 86_400_000).getUTCDay(),
        }))}
        summary={t('stats.heatmapSummary', {
          reviews: t('stats.nReviews', { n: yearReviews }),
          days: t('stats.nDays', { n: activeDays }),
        })}
      />
      <dl className="stat-grid">
        <div>
          <dt>{t('stats.currentStreak')}</dt>
          <dd data-testid="streak-current">{t('stats.nDays', { n: history.streak.current })}</dd>
        </div>
        <div>
          <dt>{t('stats.longestStreak')}</dt>
          <dd>{t('stats.nDays', { n: history.streak.longest })}</dd>
        </div>
        <div>
          <dt>{t('stats.totalReviews')}</dt>
          <dd data-testid="total-reviews">{formatNumber(history.totalReviews, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}
