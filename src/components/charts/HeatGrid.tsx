import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ChartTip } from './ChartTip';
import { textWidth } from './ticks';
import { usePointFocus, type KeyStep } from './usePointFocus';

export interface HeatGridProps {
  /** Name and describe the group of days: the chart's caption and summary. */
  labelledBy: string;
  describedBy: string;
  width: number;
  /** One entry per day, oldest first; at least one with a count. */
  days: { day: number; count: number }[];
  monthOf: (day: number) => string;
  weekdayOf: (day: number) => string;
  describe: (day: number, count: number) => string;
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
 * The drawing of a year heatmap, `width` pixels wide: one column per week, months above, weekdays
 * beside, and every day a point of one tab stop (arrow keys move by day and week) whose count shows
 * above it on hover or focus.
 */
export function HeatGrid({
  labelledBy,
  describedBy,
  width,
  days,
  monthOf,
  weekdayOf,
  describe,
}: HeatGridProps) {
  const { ref: group, tabbable, shown: at, handlers } = usePointFocus(days.length, daySteps);
  const max = Math.max(1, ...days.map((d) => d.count));
  const offset = days.length ? weekday(days[0]!.day) : 0;
  const weeks = Math.ceil((days.length + offset) / 7);
  // Day 3 was a Sunday: day 3 + w is weekday w.
  const rows = [1, 3, 5].map((w) => ({ w, text: weekdayOf(3 + w) }));
  const gutter = Math.ceil(Math.max(...rows.map((r) => textWidth(r.text)))) + 10;
  // Cells stay big enough to point at: where a year of them does not fit (a phone), it scrolls, starting at today.
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
  }, [gridWidth, width]);

  const cells = useMemo(
    () =>
      days.map((d, i) => (
        <rect
          key={d.day}
          data-i={i}
          x={Math.floor((i + offset) / 7) * cell}
          y={TOP + ((i + offset) % 7) * cell}
          width={cell - gap}
          height={cell - gap}
          rx={2}
          className={`chart-cell chart-heat-${level(d.count, max)}`}
          role="img"
          aria-label={describe(d.day, d.count)}
          tabIndex={i === tabbable ? 0 : -1}
        />
      )),
    [days, describe, cell, gap, offset, max, tabbable],
  );

  // A month is named above the week its first day falls in; a name that would overlap the next is left out.
  const months = days
    .map((d, i) => ({ i, d }))
    .filter(({ d, i }) => i === 0 || new Date(d.day * DAY_MS).getUTCDate() === 1)
    .map(({ d, i }) => ({ x: x(i + offset), text: monthOf(d.day) }));
  const named: typeof months = [];
  for (let k = months.length - 1, next = Infinity; k >= 0; k--) {
    const w = textWidth(months[k]!.text);
    // The latest month may start in the last column: its name ends at the grid's end.
    const m = { ...months[k]!, x: Math.min(months[k]!.x, gridWidth - w) };
    if (m.x + w + 4 <= next) {
      named.unshift(m);
      next = m.x;
    }
  }
  const shown = at === null ? null : days[at];
  const slot = (at ?? 0) + offset;
  return (
    <div className="chart-box chart-heat">
      <svg width={gutter} height={TOP + 7 * cell} className="chart-axis" aria-hidden="true">
        {rows.map((r) => (
          <text key={r.w} x={gutter - 6} y={TOP + (r.w + 0.5) * cell} dy="0.32em" textAnchor="end">
            {r.text}
          </text>
        ))}
      </svg>
      <div className="chart-scroll" ref={scroller} onScroll={(e) => setScrolled(e.currentTarget.scrollLeft)}>
        <svg
          width={gridWidth}
          height={TOP + 7 * cell}
          role="group"
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
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
              x={x(slot) - 1}
              y={y(slot) - 1}
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
          x={gutter + x(slot) - scrolled + cell / 2}
          y={y(slot)}
          width={Math.min(width, gutter + gridWidth)}
          text={describe(shown.day, shown.count)}
        />
      )}
    </div>
  );
}
