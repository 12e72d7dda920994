import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A list that renders only the rows in view (plus a few either side), so 100,000 rows scroll
 * like 30. Rows have one fixed height. `onRange` says which rows are in view, to load them.
 */
export function VirtualList({
  count,
  rowHeight,
  height,
  renderRow,
  onRange,
  label,
}: {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  onRange?: (from: number, to: number) => void;
  label: string;
}) {
  const [top, setTop] = useState(0);
  const frame = useRef(0);
  const overscan = 8;
  const from = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const to = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(from, to), [from, to, onRange]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const rows: ReactNode[] = [];
  for (let i = from; i < to; i++)
    rows.push(
      <div key={i} role="listitem" className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  return (
    <div
      className="vlist"
      style={{ height }}
      tabIndex={0}
      aria-label={label}
      onScroll={(e) => {
        const y = e.currentTarget.scrollTop;
        cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => setTop(y));
      }}
    >
      <div role="list" style={{ height: count * rowHeight, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
