import { markLeech } from '../domain/cards/leech';
import { tallyOf } from '../domain/review/keyPoints';
import type { Rating } from '../domain/scheduling/types';
import type { Settings } from '../domain/settings/settings';
import type { SchedulerFor } from './schedulers';
import type { Current } from './sessionState';

/** A minute without answering is thinking; an hour is a walk away. Cap what a review logs as time spent. */
const MAX_DURATION_MS = 5 * 60_000;

/** The card's next state and its review log for a rating given `now`, key points ticked included. */
export function answer(
  schedulerFor: SchedulerFor,
  settings: Settings,
  current: Current,
  rating: Rating,
  now: number,
  shownAt: number,
  ticked: number[],
) {
  const scheduler = schedulerFor(settings, current.state.deckId);
  const duration = Math.min(Math.max(0, now - shownAt), MAX_DURATION_MS);
  const answered = scheduler.answer(current.state, rating, now, duration, crypto.randomUUID());
  const { log } = answered;
  const next = markLeech(current.state, answered.next, settings);
  const total = current.card.keyPoints?.length ?? 0;
  if (total > 0) {
    const { hit } = tallyOf(ticked, total);
    log.keyPointsHit = hit;
    log.keyPointsTotal = total;
  }
  return { next, log };
}
