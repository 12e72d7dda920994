import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../useT';
import { ChartTip } from './ChartTip';
import { DataTable } from './DataTable';
import { textWidth } from './ticks';
import { useChartWidth } from './useChartWidth';
import { usePointFocus, type KeyStep } from './usePointFocus';
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

const TOP = 16;
const MIN_CELL = 10;
const DAY_MS = 86_400_000;
/** Day 0 (1 January 1970) was a Thursday; a week column runs Sunday to Saturday. */
const weekday = (day: number) => (day + 4) % 7;

function level(count: number, max: number): number {
  if (count === 0) return 0;
  return Math.min(4, 1 + Math.floor((count / max) * 3.999));
}

/** Down and up move a day, left and right a week; Home and End go to the first and last day. */
const daySteps: KeyStep = (key, i, count) =>
  ({ ArrowUp: i - 1, ArrowDown: i + 1, ArrowLeft: i - 7, ArrowRight: i + 7, Home: 0, End: count - 1 })[key] ??
  null;

/**
 * A year of daily review counts, one column per week (GitHub style), with month and weekday labels
 * and a legend. Every day is a point of one tab stop (arrow keys move by day and week), named with
 * its count, which shows above it on hover or focus.
 */
export function Heatmap(props: HeatmapProps) {
  const { title, days, dateOf, monthOf, weekdayOf, describe, format, summary, empty, legend, head } = props;
  const { t } = useT();
  const id = useId();
  const [box, width] = useChartWidth<HTMLElement>();
  const { ref: group, tabbable, shown: at, handlers } = usePointFocus(days.length, daySteps);
  const max = Math.max(0, ...days.map((d) => d.count));
  const offset = days.length ? weekday(days[0]!.day) : 0;
  const weeks = Math.ceil((days.length + offset) / 7);
  // Day 3 was a Sunday: day 3 + w is weekday w.
  const rows = [1, 3, 5].map((w) => ({ w, text: weekdayOf(3 + w) }));
  const gutter = Math.ceil(Math.max(...rows.map((r) => textWidth(r.text)))) + 10;
  // Cells too small to point at are not drawn: on a phone the year scrolls, starting at today.
  const cell = Math.max(MIN_CELL, Math.min(16, Math.floor((width - gutter) / Math.max(1, weeks))));
  const gap = cell >= 12 ? 2 : 1;
  const gridWidth = weeks * cell;
  const x = (slot: number) => Math.floor(slot / 7) * cell;
  const y = (slot: number) => TOP + (slot % 7) * cell;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrolled, setScrolled] = useState(0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [gridWidth, width, max]);

  const cells = useMemo(
    () =>
      days.map((d, i) => (
        <rect
          key={d.day}
          data-i={i}
          x={x(i + offset)}
          y={y(i + offset)}
          width={cell - gap}
          height={cell - gap}
          rx={2}
          className={`chart-cell chart-heat-${level(d.count, max)}`}
          role="img"
          aria-label={describe(d.day, d.count)}
          tabIndex={i === tabbable ? 0 : -1}
        />
      )),
    // x and y follow from cell and offset.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [days, describe, cell, gap, offset, max, tabbable],
  );

  if (max === 0) {
    return (
      <figure className="chart" ref={box}>
        <figcaption id={id}>{title}</figcaption>
        <p className="chart-empty">{empty}</p>
      </figure>
    );
  }

  // A month is named above the week its first day falls in; a name that would overlap the next is left out.
  const months = days
    .map((d, i) => ({ i, d }))
    .filter(({ d, i }) => i === 0 || new Date(d.day * DAY_MS).getUTCDate() === 1)
    .map(({ d, i }) => ({ x: x(i + offset), text: monthOf(d.day) }));
  const named: typeof months = [];
  for (let k = months.length - 1, next = Infinity; k >= 0; k--) {
    const m = months[k]!;
    if (m.x + textWidth(m.text) + 4 <= next) {
      named.unshift(m);
      next = m.x;
    }
  }
  const shown = at === null ? null : days[at];
  const shownSlot = (at ?? 0) + offset;
  return (
    <figure className="chart" ref={box}>
      <figcaption id={id}>{title}</figcaption>
      <div className="chart-box chart-heat">
        <svg width={gutter} height={TOP + 7 * cell} className="chart-axis" aria-hidden="true">
          {rows.map((r) => (
            <text key={r.w} x={gutter - 6} y={TOP + (r.w + 0.5) * cell} dy="0.32em" textAnchor="end">
              {r.text}
            </text>
          ))}
        </svg>
        <div
          className="chart-scroll"
          ref={scroller}
          onScroll={(e) => setScrolled(e.currentTarget.scrollLeft)}
        >
          <svg
            width={gridWidth}
            height={TOP + 7 * cell}
            role="group"
            aria-labelledby={id}
            aria-describedby={`${id}-s`}
          >
            <g className="chart-axis" aria-hidden="true">
              {named.map((m) => (
                <text key={m.x} x={m.x} y={TOP - 5}>
                  {m.text}
                </text>
              ))}
            </g>
            <g ref={group} {...handlers}>
              {cells}
            </g>
            {shown && (
              <rect
                x={x(shownSlot) - 1}
                y={y(shownSlot) - 1}
                width={cell - gap + 2}
                height={cell - gap + 2}
                className="chart-cell-shown"
                aria-hidden="true"
              />
            )}
          </svg>
        </div>
        {shown && (
          <ChartTip
            x={gutter + x(shownSlot) - scrolled + cell / 2}
            y={y(shownSlot)}
            width={Math.min(width, gutter + gridWidth)}
            text={describe(shown.day, shown.count)}
          />
        )}
      </div>
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
