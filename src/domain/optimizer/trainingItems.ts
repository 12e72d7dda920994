import { compareLogs } from '../export/revlogCsv';
import { CardState, type Rating, type ReviewLog } from '../scheduling/types';
import { reviewDayNumber } from '../time/reviewDay';

/** One review as the FSRS optimizer sees it: the rating and the whole review days since the last one. */
export interface TrainingReview {
  rating: Rating;
  deltaT: number;
}

/** A card's reviews in time order, starting with its first (deltaT 0). */
export type CardHistory = TrainingReview[];

/**
 * Every card's history from its review logs, as fsrs-rs builds training items: reviews in time
 * order, days counted between review days (a day starts at the rollover hour, as the scheduler's
 * does). A card whose logs do not start with its first review (state New) is left out: without
 * its first rating no memory state can be replayed.
 */
export function cardHistories(logs: readonly ReviewLog[], rolloverHour: number): CardHistory[] {
  return sortedCardHistories([...logs].sort(compareLogs), rolloverHour);
}

/** What a history needs of a log. */
export type LogFields = Pick<ReviewLog, 'cardId' | 'rating' | 'state' | 'review'>;

/** `cardHistories` of logs already in card, time and id order (as the export reads them). */
export function sortedCardHistories(sorted: readonly LogFields[], rolloverHour: number): CardHistory[] {
  const out: CardHistory[] = [];
  let i = 0;
  while (i < sorted.length) {
    const cardId = sorted[i]!.cardId;
    let j = i;
    while (j < sorted.length && sorted[j]!.cardId === cardId) j++;
    if (sorted[i]!.state === CardState.New) {
      const history: CardHistory = [];
      let lastDay = 0;
      for (let k = i; k < j; k++) {
        const log = sorted[k]!;
        const day = reviewDayNumber(log.review, rolloverHour);
        history.push({ rating: log.rating, deltaT: k === i ? 0 : Math.max(0, day - lastDay) });
        lastDay = day;
      }
      out.push(history);
    }
    i = j;
  }
  return out;
}

/**
 * The reviews the optimizer learns from and is scored on: every review after a card's first
 * that came on a later day than the review before it (a same-day review tests short-term memory).
 */
export function countedReviews(histories: readonly CardHistory[]): number {
  let n = 0;
  for (const h of histories) for (let k = 1; k < h.length; k++) if (h[k]!.deltaT > 0) n++;
  return n;
}

/** Fewer counted reviews than this and the fitted parameters mostly reflect noise. */
export const FEW_REVIEWS = 400;

/** Where a card's first review on a later day is: items before it have nothing to learn from. */
const firstLongTerm = (h: CardHistory): number => {
  const k = h.findIndex((r, i) => i > 0 && r.deltaT > 0);
  return k < 0 ? h.length : k;
};

/**
 * The training set in the flat form the WebAssembly optimizer takes: one item per review after a
 * card's first that came on a later day, each the card's reviews up to and including it (`lengths`
 * says how many): the reviews that count. Items ending on a same-day review are left out (the
 * WebAssembly build's training turns them into NaN), and so are those before a card's first later day.
 */
export function trainingArrays(histories: readonly CardHistory[]): {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
} {
  let items = 0;
  let cells = 0;
  for (const h of histories)
    for (let k = firstLongTerm(h) + 1; k <= h.length; k++) {
      if (h[k - 1]!.deltaT === 0) continue;
      items++;
      cells += k;
    }
  const ratings = new Uint32Array(cells);
  const deltaTs = new Uint32Array(cells);
  const lengths = new Uint32Array(items);
  let c = 0;
  let it = 0;
  for (const h of histories)
    for (let k = firstLongTerm(h) + 1; k <= h.length; k++) {
      if (h[k - 1]!.deltaT === 0) continue;
      for (let m = 0; m < k; m++) {
        ratings[c] = h[m]!.rating;
        deltaTs[c] = h[m]!.deltaT;
        c++;
      }
      lengths[it++] = k;
    }
  return { ratings, deltaTs, lengths };
}
