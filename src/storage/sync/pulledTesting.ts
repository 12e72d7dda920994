import { newState, Scheduler } from '../../domain/scheduling/scheduler';
import type { ReviewLog } from '../../domain/scheduling/types';

/** What the pulled-review tests share: a start time, a day, the scheduler, reviews made with it. */
export const T0 = Date.UTC(2026, 0, 5, 9);
export const DAY = 86_400_000;

export const testScheduler = (fuzz: boolean) =>
  new Scheduler({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz,
    maximumInterval: 36_500,
  });

/** `n` Good reviews of a card of `rag`, made one after another a day apart from `from`. */
export function dailyReviews(
  scheduler: Scheduler,
  cardId: string,
  n: number,
  from: number,
  prefix: string,
): ReviewLog[] {
  let state = newState(cardId, 'rag', 0);
  return Array.from({ length: n }, (_, i) => {
    const { next, log } = scheduler.answer(state, 3, from + i * DAY, 2000, `${prefix}${i}`);
    state = next;
    return log;
  });
}
