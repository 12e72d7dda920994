import { useId } from 'react';
import { useT } from '../useT';
import { DataTable } from './DataTable';

export interface HeatmapProps {
  title: string;
  /** One entry per day, oldest first; `label` names the day. */
  days: { label: string; count: number; weekday: number }[];
  summary: string;
}

const CELL = 11;

function level(count: number, max: number): number {
  if (count === 0) return 0;
  return Math.min(4, 1 + Math.floor((count / max) * 3.999));
}

/** A year of daily review counts, one column per week (GitHub style). */
export function Heatmap({ title, days, summary }: HeatmapProps) {
  const { t } = useT();
  const id = useId();
  const max = Math.max(1, ...days.map((d) => d.count));
  const offset = days[0]?.weekday ?? 0;
  const weeks = Math.ceil((days.length + offset) / 7);
  return (
    <figure className="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${weeks * CELL} ${7 * CELL}`}
        role="img"
        aria-labelledby={id}
        aria-describedby={`${id}-s`}
      >
        {days.map((d, i) => {
          const slot = i + offset;
          return (
            <rect
              key={i}
              x={Math.floor(slot / 7) * CELL}
              y={(slot % 7) * CELL}
              width={CELL - 2}
              height={CELL - 2}
              rx={2}
              className={`heat heat-${level(d.count, max)}`}
            >
              <title>{`${d.label}: ${d.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <p id={`${id}-s`} className="hint">
        {summary}
      </p>
      <DataTable
        summary={t('chart.data', { title })}
        rows={() => days.filter((d) => d.count > 0).map((d) => [d.label, d.count])}
      />
    </figure>
  );
}
