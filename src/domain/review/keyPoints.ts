import { Rating } from '../scheduling/types';

/** How many of a card's key points the user said, as recorded with the review. */
export interface KeyPointTally {
  hit: number;
  total: number;
}

/**
 * The rating the ticks suggest: every key point said is a pass (Good); missing one is a struggle
 * (Hard); missing more is a lapse (Again). Easy is never suggested: only the user knows it was easy.
 */
export function suggestRating({ hit, total }: KeyPointTally): Rating {
  if (total <= 0) return Rating.Good;
  if (hit >= total) return Rating.Good;
  if (hit === total - 1 && total > 1) return Rating.Hard;
  return Rating.Again;
}

/** The tally of a set of ticked indices against a card's key points (ticks past the end are ignored). */
export function tallyOf(ticked: readonly number[], total: number): KeyPointTally {
  return { hit: new Set(ticked.filter((i) => i >= 0 && i < total)).size, total };
}
