import { useCallback, useState } from 'react';
import { BarChart } from '../../components/charts/BarChart';
import { Heatmap } from '../../components/charts/Heatmap';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import type { History } from '../../domain/stats/history';
import { formatDayNumber, formatDayPart, formatNumber } from '../../i18n/format';

const ranges = [30, 90, 365] as const;

export function ActivityPanel({ history }: { history: History }) {
  const { t, lang } = useFeatureT(statsMessages);
  const [range, setRange] = useState<(typeof ranges)[number]>(30);
  const days = history.days.slice(-range);
  const labels = days.map((d) => formatDayNumber(d.day, lang));
  const counts = days.map((d) => d.count);
  const minutes = days.map((d) => Math.round(d.timeMs / 6000) / 10);
  const activeDays = history.days.filter((d) => d.count > 0).length;
  const yearReviews = history.days.reduce((n, d) => n + d.count, 0);
  const n = (v: number) => formatNumber(v, lang);
  const point = (label: string, value: string) => t('stats.point', { label, value });
  const describeDay = useCallback(
    (day: number, count: number) =>
      t('stats.point', { label: formatDayNumber(day, lang), value: t('stats.nReviews', { n: count }) }),
    [t, lang],
  );
  const empty = yearReviews === 0 ? t('stats.noReviews') : t('stats.noReviewsIn', { n: range });
  return (
    <section className="panel" aria-labelledby="activity-h">
      <h2 id="activity-h">{t('stats.activityTitle')}</h2>
      <div className="segmented" role="group" aria-label={t('stats.activityTitle')}>
        {ranges.map((r) => (
          <button key={r} aria-pressed={r === range} onClick={() => setRange(r)}>
            {t('stats.range', { n: r })}
          </button>
        ))}
      </div>
      <BarChart
        title={t('stats.activity')}
        labels={labels}
        values={counts}
        unit={t('stats.axisReviews')}
        format={n}
        describe={(i) => point(labels[i]!, t('stats.nReviews', { n: counts[i]! }))}
        empty={empty}
        head={[t('stats.date'), t('stats.axisReviews')]}
      />
      <BarChart
        title={t('stats.timeSpent')}
        labels={labels}
        values={minutes}
        unit={t('stats.axisMinutes')}
        format={n}
        describe={(i) => point(labels[i]!, t('stats.nMinutes', { n: minutes[i]! }))}
        empty={empty}
        head={[t('stats.date'), t('stats.axisMinutes')]}
      />
      <Heatmap
        title={t('stats.heatmap')}
        days={history.days}
        dateOf={(day) => formatDayNumber(day, lang)}
        monthOf={(day) => formatDayPart(day, 'month', lang)}
        weekdayOf={(day) => formatDayPart(day, 'weekday', lang)}
        describe={describeDay}
        format={n}
        summary={t('stats.heatmapSummary', {
          reviews: t('stats.nReviews', { n: yearReviews }),
          days: t('stats.nDays', { n: activeDays }),
        })}
        empty={t('stats.noReviews')}
        legend={[t('stats.less'), t('stats.more')]}
        head={[t('stats.date'), t('stats.axisReviews')]}
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
