import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of the box a chart is drawn in, kept current as it resizes: charts are drawn in real
 * pixels so their text stays legible at any width, instead of being scaled with the drawing. Null
 * until measured, which is before the first paint: a chart is drawn once, at its real width, not
 * first at a guess.
 */
export function useChartWidth<E extends HTMLElement>(fallback = 600) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // A box with no layout (a test's DOM) has no width: draw at the fallback.
    const measure = () => setWidth(Math.floor(el.clientWidth) || fallback);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}
