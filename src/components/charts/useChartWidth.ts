import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of the box a chart is drawn in, kept current as it resizes: charts are drawn in real
 * pixels so their text stays legible at any width, instead of being scaled with the drawing.
 */
export function useChartWidth<E extends HTMLElement>(fallback = 600) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
