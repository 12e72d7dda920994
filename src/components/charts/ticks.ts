/** Round steps for an axis from 0 to at least `max`: 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const count = Math.ceil(max / step - 1e-9);
  // Multiplying, not adding, keeps 0.1 steps from drifting to 0.30000000000000004.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Roughly how wide a label is in pixels at the chart's font size; Han characters count double. */
export const textWidth = (text: string, px = 11) =>
  [...text].reduce(
    (w, ch) => w + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? px : /[A-Z%]/.test(ch) ? px * 0.75 : px * 0.6),
    0,
  );

/**
 * Which of `labels` (`band` pixels apart) to show so that none overlap: every k-th, counted back
 * from the last (today) when `fromEnd`, else from the first (a histogram's lowest edge).
 */
export function shownLabels(labels: readonly string[], band: number, fromEnd = true): Set<number> {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l))) + 6;
  const every = Math.max(1, Math.ceil(widest / Math.max(band, 1e-6)));
  const shown = new Set<number>();
  const first = fromEnd ? (labels.length - 1) % every : 0;
  for (let i = first; i < labels.length; i += every) shown.add(i);
  return shown;
}

/**
 * Labels centred at `x`, `width` wide, without those that would touch a neighbour: the one kept
 * first (the last when `fromEnd`, else the first) wins.
 */
export function withoutOverlaps<L extends { x: number; width: number }>(labels: L[], fromEnd = true): L[] {
  const order = fromEnd ? [...labels].reverse() : labels;
  const kept: L[] = [];
  for (const label of order) {
    const prev = kept.at(-1);
    if (!prev || Math.abs(prev.x - label.x) >= (prev.width + label.width) / 2 + 4) kept.push(label);
  }
  return fromEnd ? kept.reverse() : kept;
}
