import { useId } from 'react';
import { useT } from '../useT';
import { BarPlot } from './BarPlot';
import { DataTable } from './DataTable';
import { useChartWidth } from './useChartWidth';
import './charts.css';

export interface BarChartProps {
  title: string;
  /** One short label per bar, for the x axis and the table ("12 May", "1–3"). */
  labels: string[];
  values: number[];
  /** What the bars count, written above the y axis ("Reviews"). */
  unit: string;
  /** A histogram's bin edges, one more than its bars: the x axis names these instead of the bars. */
  edges?: string[];
  /** What the x axis stands for, written below it, when its labels do not say. */
  xUnit?: string;
  /** A number as the axis and the table write it. */
  format: (value: number) => string;
  /** Bar i's accessible name and tooltip: "12 May: 34 reviews". */
  describe: (i: number) => string;
  /** Said instead of drawing a chart of nothing but zeros. */
  empty: string;
  /** The table's column heads. */
  head: [string, string];
}

/**
 * A bar chart with labelled axes, each bar's value on hover or keyboard focus, and the numbers in a
 * table below, for screen readers and copy-paste.
 */
export function BarChart({
  title,
  labels,
  values,
  unit,
  xUnit,
  format,
  empty,
  head,
  ...plot
}: BarChartProps) {
  const { t } = useT();
  const id = useId();
  const [box, width] = useChartWidth<HTMLElement>();
  if (values.every((v) => v === 0)) {
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
      <div className="chart-unit" aria-hidden="true">
        {unit}
      </div>
      {width !== null && (
        <BarPlot labelledBy={id} width={width} labels={labels} values={values} format={format} {...plot} />
      )}
      {xUnit && (
        <div className="chart-xunit" aria-hidden="true">
          {xUnit}
        </div>
      )}
      <DataTable
        summary={t('chart.data', { title })}
        head={head}
        rows={() => values.map((v, i) => [labels[i], format(v)])}
      />
    </figure>
  );
}
