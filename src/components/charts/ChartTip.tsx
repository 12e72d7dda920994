/**
 * The value of the point hovered or focused, drawn just above it. Hidden from screen readers: the
 * focused point's own name says the same. Kept inside the chart: anchored at its left end near the
 * left edge and at its right end near the right edge.
 */
export function ChartTip({ x, y, width, text }: { x: number; y: number; width: number; text: string }) {
  const side = x < width / 3 ? 'start' : x > (width * 2) / 3 ? 'end' : 'middle';
  return (
    <div className={`chart-tip chart-tip-${side}`} style={{ left: x, top: y }} aria-hidden="true">
      {text}
    </div>
  );
}
