const HOUR = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * "Today" starts at the rollover hour in local time (Anki's idea): a review at 02:00 still
 * belongs to yesterday when the rollover is 04:00. Times are epoch milliseconds.
 */
export function startOfReviewDay(now: number, rolloverHour: number): number {
  const shifted = new Date(now - rolloverHour * HOUR);
  return new Date(shifted.getFullYear(), shifted.getMonth(), shifted.getDate(), rolloverHour).getTime();
}

/** The first moment of the next review day (exclusive end of today). */
export function endOfReviewDay(now: number, rolloverHour: number): number {
  const start = new Date(startOfReviewDay(now, rolloverHour));
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, rolloverHour).getTime();
}

/**
 * A stable integer per review day (days since 1970-01-01 of the local calendar date the review
 * day starts on), for grouping logs by day, streaks and heatmaps.
 */
export function reviewDayNumber(time: number, rolloverHour: number): number {
  const shifted = new Date(time - rolloverHour * HOUR);
  return Math.round(Date.UTC(shifted.getFullYear(), shifted.getMonth(), shifted.getDate()) / DAY_MS);
}
