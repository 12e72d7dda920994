import type { ReviewLog, SchedState } from '../scheduling/types';
import { DEFAULT_DECAY, recallAt } from '../stats/recall';

export interface HistoryRow {
  review: number;
  rating: ReviewLog['rating'];
  /** The interval this review gave, in days (the state it left: the next log's, or the card's now). */
  intervalDays: number;
  /** Stability after this review, in days. */
  stability: number;
  durationMs: number;
}

/**
 * A card's reviews with what each gave. A log holds the state *before* its review, so what a
 * review left is read from the next log, and for the last one from the card's state now.
 */
export function cardHistory(logs: readonly ReviewLog[], state: SchedState | undefined): HistoryRow[] {
  return logs.map((log, i) => {
    const after = logs[i + 1] ?? state;
    return {
      review: log.review,
      rating: log.rating,
      intervalDays: after?.scheduledDays ?? 0,
      stability: after?.stability ?? 0,
      durationMs: log.durationMs,
    };
  });
}

export interface CurvePoint {
  time: number;
  recall: number;
  stability: number;
}

/**
 * Predicted recall over the card's history: after each review it starts at 1 and decays with the
 * stability that review left, sampled `steps` times until the next review (the last until `now`).
 */
export function recallCurve(history: readonly HistoryRow[], now: number, steps = 12): CurvePoint[] {
  const out: CurvePoint[] = [];
  history.forEach((h, i) => {
    const end = Math.max(h.review, history[i + 1]?.review ?? now);
    for (let k = 0; k <= steps; k++) {
      const time = h.review + ((end - h.review) * k) / steps;
      const recall =
        h.stability > 0
          ? recallAt(
              { state: 2, lastReview: h.review, stability: h.stability } as SchedState,
              time,
              DEFAULT_DECAY,
            )
          : 0;
      out.push({ time, recall, stability: h.stability });
    }
  });
  return out;
}
