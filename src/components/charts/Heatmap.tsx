import { useId } from 'react';
import { useT } from '../useT';
import { DataTable } from './DataTable';
import { HeatGrid } from './HeatGrid';
import { useChartWidth } from './useChartWidth';
import './charts.css';

export interface HeatmapProps {
  title: string;
  /** One entry per day, oldest first: its day number (days since 1970-01-01) and count. */
  days: { day: number; count: number }[];
  /** How a day number is written: as a date ("12 May"), a month ("May") or a weekday ("Mon"). */
  dateOf: (day: number) => string;
  monthOf: (day: number) => string;
  weekdayOf: (day: number) => string;
  /** A day's accessible name and tooltip: "12 May: 34 reviews". */
  describe: (day: number, count: number) => string;
  /** A count as the table writes it. */
  format: (count: number) => string;
  /** One sentence for the whole year, below it. */
  summary: string;
  /** Said instead of a year of empty days. */
  empty: string;
  /** The legend's two ends ("Less", "More") and the table's column heads. */
  legend: [string, string];
  head: [string, string];
}

/**
 * A year of daily review counts, one column per week (GitHub style), with month and weekday labels,
 * a legend, each day's count on hover or keyboard focus, and the days with reviews in a table below.
 */
export function Heatmap({
  title,
  days,
  dateOf,
  format,
  summary,
  empty,
  legend,
  head,
  ...grid
}: HeatmapProps) {
  const { t } = useT();
  const id = useId();
  const [box, width] = useChartWidth<HTMLElement>();
  if (days.every((d) => d.count === 0)) {
    return (
      <figure className="chart" ref={box}>
        <figcaption>{title}</figcaption>
        <p className="chart-empty">{empty}</p>
      </figure>
    );
  }
  return (
    <figure className="chart" ref={box}>
      <figcaption id={id}>{title}</figcaption>
      {width !== null && (
        <HeatGrid labelledBy={id} describedBy={`${id}-s`} width={width} days={days} {...grid} />
      )}
      <div className="chart-legend" aria-hidden="true">
        <span>{legend[0]}</span>
        {[0, 1, 2, 3, 4].map((l) => (
          <svg key={l} width="10" height="10">
            <rect width="10" height="10" rx="2" className={`chart-heat-${l}`} />
          </svg>
        ))}
        <span>{legend[1]}</span>
      </div>
      <p id={`${id}-s`} className="hint">
        {summary}
      </p>
      <DataTable
        summary={t('chart.data', { title })}
        head={head}
        rows={() => days.filter((d) => d.count > 0).map((d) => [dateOf(d.day), format(d.count)])}
      />
    </figure>
  );
}
