import { formatField } from '../import/delimited';
import type { ReviewLog } from '../scheduling/types';

/** The review-log columns of the open-spaced-repetition FSRS optimizer. */
export const REVLOG_COLUMNS = [
  'card_id',
  'review_time',
  'review_rating',
  'review_state',
  'review_duration',
] as const;

export const REVLOG_HEADER = `${REVLOG_COLUMNS.join(',')}\n`;

/** Card, then time, then id, so two reviews in the same millisecond still come out the same way. */
export function compareLogs(a: ReviewLog, b: ReviewLog): number {
  if (a.cardId !== b.cardId) return a.cardId < b.cardId ? -1 : 1;
  if (a.review !== b.review) return a.review - b.review;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rows for the optimizer: review_time in UTC epoch milliseconds, rating 1–4, the card's state
 * *before* the review 0–3 (what the log stores), duration in whole milliseconds.
 */
export function revlogCsvRows(logs: readonly ReviewLog[]): string {
  let out = '';
  for (const l of logs) {
    out += revlogCsvRow(formatField(l.cardId, ','), l.review, l.rating, l.state, l.durationMs);
  }
  return out;
}

/** One row from a log's columns, the card id already through `formatField` (once per card, not per row). */
export const revlogCsvRow = (
  cardField: string,
  review: number,
  rating: number,
  state: number,
  durationMs: number,
): string => `${cardField},${Math.round(review)},${rating},${state},${Math.max(0, Math.round(durationMs))}\n`;

export interface TimeRange {
  /** Inclusive, epoch ms; null: from the first review. */
  from: number | null;
  /** Exclusive, epoch ms; null: up to now. */
  to: number | null;
}

export const inRange = (range: TimeRange) => (l: ReviewLog) =>
  (range.from === null || l.review >= range.from) && (range.to === null || l.review < range.to);
