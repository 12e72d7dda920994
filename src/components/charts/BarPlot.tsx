import { useMemo } from 'react';
import { ChartTip } from './ChartTip';
import { niceTicks, shownLabels, textWidth, withoutOverlaps } from './ticks';
import { barSteps, usePointFocus } from './usePointFocus';

export interface BarPlotProps {
  /** Names the group of bars: the chart's caption. */
  labelledBy: string;
  width: number;
  labels: string[];
  values: number[];
  edges?: string[];
  format: (value: number) => string;
  describe: (i: number) => string;
}

const HEIGHT = 150;
const TOP = 8;
const BOTTOM = 22;

/**
 * The drawing of a bar chart, `width` pixels wide: axes, bars, and one focusable point per bar
 * (a single tab stop; arrow keys move between them) whose value shows above it on hover or focus.
 */
export function BarPlot({ labelledBy, width, labels, values, edges, format, describe }: BarPlotProps) {
  const { ref: group, tabbable, shown: at, handlers } = usePointFocus(values.length, barSteps);
  const ticks = niceTicks(Math.max(0, ...values));
  const top = ticks.at(-1)!;
  const left = Math.ceil(Math.max(...ticks.map((v) => textWidth(format(v))))) + 10;
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = Math.max(1, width - left - 2) / Math.max(1, values.length);
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
  const barPath = (i: number) => {
    const v = values[i] ?? 0;
    return `M${left + i * band + gap / 2},${y(0)}v${y(v) - y(0)}h${Math.max(1, band - gap)}v${y(0) - y(v)}z`;
  };
  // All the bars are one path: a year of them is one element, not 365.
  const bars = values.map((v, i) => (v > 0 ? barPath(i) : '')).join('');
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
    <div className="chart-box">
      <svg width={width} height={HEIGHT} role="group" aria-labelledby={labelledBy}>
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
        <path d={bars} className="chart-bar" aria-hidden="true" />
        {at !== null && (values[at] ?? 0) > 0 && (
          <path d={barPath(at)} className="chart-bar is-shown" aria-hidden="true" />
        )}
        <g ref={group} {...handlers}>
          {hits}
        </g>
      </svg>
      {at !== null && <ChartTip x={center(at)} y={y(values[at] ?? 0)} width={width} text={describe(at)} />}
    </div>
  );
}
