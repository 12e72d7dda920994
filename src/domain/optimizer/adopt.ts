import type { Scores } from './evaluate';
import type { ParamsHistoryEntry } from './params';

/**
 * The fitted parameters replace the ones in use only if they predict the same history better:
 * a lower log loss, and binned recall no further off. Training on little or odd data can fit
 * worse than what the user has; then nothing changes.
 */
export function isBetter(fitted: Scores, before: Scores): boolean {
  return fitted.reviews > 0 && fitted.logLoss < before.logLoss && fitted.rmseBins <= before.rmseBins + 1e-9;
}

/** The history entry of one optimization run at `at`. */
export function optimizationEntry(
  at: number,
  w: number[],
  before: Scores,
  fitted: Scores,
): ParamsHistoryEntry {
  return {
    at,
    kind: 'optimized',
    reviews: fitted.reviews,
    before,
    fitted,
    w,
    adopted: isBetter(fitted, before),
  };
}

/** "Predicts your recall within ±N %": the binned RMSE as a whole percentage. */
export const withinPercent = (s: Scores): number => Math.max(0.1, Math.round(s.rmseBins * 1000) / 10);
