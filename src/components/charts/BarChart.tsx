import { useId, useMemo } from 'react';
import { useT } from '../useT';
import { ChartTip } from './ChartTip';
import { DataTable } from './DataTable';
import { niceTicks, shownLabels, textWidth, withoutOverlaps } from './ticks';
import { useChartWidth } from './useChartWidth';
import { barSteps, usePointFocus } from './usePointFocus';
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

const HEIGHT = 150;
const TOP = 8;
const BOTTOM = 22;

/**
 * An SVG bar chart with a labelled y axis and x axis. Each bar is a point of one tab stop (arrow keys
 * move between bars) named with its value, which shows above it on hover or focus; the numbers are
 * also in a table below, for screen readers and copy-paste.
 */
export function BarChart({
  title,
  labels,
  values,
  unit,
  edges,
  xUnit,
  format,
  describe,
  empty,
  head,
}: BarChartProps) {
  const { t } = useT();
  const id = useId();
  const [box, width] = useChartWidth<HTMLElement>();
  const { ref: group, tabbable, shown: at, handlers } = usePointFocus(values.length, barSteps);
  const isEmpty = values.every((v) => v === 0);
  const ticks = niceTicks(Math.max(0, ...values));
  const top = ticks.at(-1)!;
  const left = Math.ceil(Math.max(...ticks.map((v) => textWidth(format(v))))) + 10;
  const plotW = Math.max(1, width - left - 2);
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = plotW / Math.max(1, values.length);
  const gap = band >= 4 ? Math.max(1, band * 0.2) : 0;
  const y = (v: number) => TOP + plotH * (1 - v / top);
  const center = (i: number) => left + (i + 0.5) * band;
  const axisLabels = edges ?? labels;
  const named = withoutOverlaps(
    [...shownLabels(axisLabels, band, !edges)].map((i) => {
      const text = axisLabels[i] ?? '';
      const half = textWidth(text) / 2;
      const at = edges ? left + i * band : center(i);
      return { i, text, at, x: Math.min(Math.max(at, left + half), width - half - 1), width: half * 2 };
    }),
    !edges,
  );
  const hits = useMemo(
    () =>
      values.map((_, i) => (
        <rect
          key={i}
          data-i={i}
          x={left + i * band}
          y={TOP}
          width={band}
          height={plotH}
          className="chart-hit"
          role="img"
          aria-label={describe(i)}
          tabIndex={i === tabbable ? 0 : -1}
        />
      )),
    [values, describe, left, band, plotH, tabbable],
  );
  return (
    <figure className="chart" ref={box}>
      <figcaption id={id}>{title}</figcaption>
      {isEmpty ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <div className="chart-unit" aria-hidden="true">
            {unit}
          </div>
          <div className="chart-box">
            <svg width={width} height={HEIGHT} role="group" aria-labelledby={id}>
              <g className="chart-axis" aria-hidden="true">
                {ticks.map((v) => (
                  <g key={v}>
                    <line x1={left} x2={width} y1={y(v)} y2={y(v)} className={v ? 'chart-grid' : undefined} />
                    <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                      {format(v)}
                    </text>
                  </g>
                ))}
                {named.map((l) => (
                  <g key={l.i}>
                    {edges && <line x1={l.at} x2={l.at} y1={y(0)} y2={y(0) + 4} />}
                    <text x={l.x} y={HEIGHT - 6} textAnchor="middle">
                      {l.text}
                    </text>
                  </g>
                ))}
              </g>
              <g className="chart-bars" aria-hidden="true">
                {values.map((v, i) =>
                  v > 0 ? (
                    <rect
                      key={i}
                      x={left + i * band + gap / 2}
                      y={y(v)}
                      width={Math.max(1, band - gap)}
                      height={y(0) - y(v)}
                      className={i === at ? 'chart-bar is-shown' : 'chart-bar'}
                    />
                  ) : null,
                )}
              </g>
              <g ref={group} {...handlers}>
                {hits}
              </g>
            </svg>
            {at !== null && (
              <ChartTip x={center(at)} y={y(values[at] ?? 0)} width={width} text={describe(at)} />
            )}
          </div>
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
        </>
      )}
    </figure>
  );
}
