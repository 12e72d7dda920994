import { useId } from 'react';
import { useT } from '../useT';
import { DataTable } from './DataTable';

export interface BarChartProps {
  title: string;
  labels: string[];
  values: number[];
  /** How a value reads in the tooltip and the table. */
  format?: (value: number) => string;
  height?: number;
}

/** A plain SVG bar chart; the numbers behind it are in a table right below, for screen readers and copy-paste. */
export function BarChart({ title, labels, values, format = String, height = 120 }: BarChartProps) {
  const { t } = useT();
  const id = useId();
  const max = Math.max(1, ...values);
  const width = Math.max(values.length * 12, 240);
  const barWidth = width / Math.max(1, values.length);
  return (
    <figure className="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={id} preserveAspectRatio="none">
        {values.map((v, i) => {
          const h = (v / max) * (height - 4);
          return (
            <rect
              key={i}
              x={i * barWidth + 1}
              y={height - h}
              width={Math.max(1, barWidth - 2)}
              height={h}
              className="bar"
            >
              <title>{`${labels[i] ?? ''}: ${format(v)}`}</title>
            </rect>
          );
        })}
      </svg>
      <DataTable
        summary={t('chart.data', { title })}
        rows={() => values.map((v, i) => [labels[i], format(v)])}
      />
    </figure>
  );
}
