import { useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

/** Where a key moves from point `i`, or null when the key is not for the chart. */
export type KeyStep = (key: string, i: number, count: number) => number | null;

const indexOf = (target: EventTarget) => {
  const i = (target as Element).getAttribute?.('data-i');
  return i === null || i === undefined ? null : Number(i);
};

/**
 * One tab stop per chart (a roving focus): arrow keys move between its points, and the point
 * hovered or focused has its value shown. Events are handled once, on the points' group.
 */
export function usePointFocus(count: number, step: KeyStep) {
  const group = useRef<SVGGElement>(null);
  // Counted from the end, so the latest point stays the tab stop when a range grows or shrinks.
  const [fromEnd, setFromEnd] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const tabbable = Math.max(0, count - 1 - Math.min(fromEnd, count - 1));
  const select = (i: number) => {
    setFromEnd(count - 1 - i);
    setShown(i);
  };
  const handlers = {
    onKeyDown(e: KeyboardEvent) {
      const i = indexOf(e.target);
      if (i === null) return;
      const next = step(e.key, i, count);
      if (next === null) return;
      e.preventDefault();
      const clamped = Math.max(0, Math.min(count - 1, next));
      select(clamped);
      group.current?.querySelector<SVGElement>(`[data-i="${clamped}"]`)?.focus();
    },
    onFocus(e: FocusEvent) {
      const i = indexOf(e.target);
      if (i !== null) select(i);
    },
    onBlur: () => setShown(null),
    onMouseOver(e: MouseEvent) {
      const i = indexOf(e.target);
      if (i !== null) setShown(i);
    },
    onMouseLeave() {
      const focused = indexOf(document.activeElement ?? document.body);
      setShown(group.current?.contains(document.activeElement) ? focused : null);
    },
  };
  return { ref: group, tabbable, shown, handlers };
}

/** Left/right move one point; Home and End go to the first and last. */
export const barSteps: KeyStep = (key, i, count) =>
  ({ ArrowLeft: i - 1, ArrowRight: i + 1, ArrowDown: i - 1, ArrowUp: i + 1, Home: 0, End: count - 1 })[key] ??
  null;
