import { buildQueue, chosenCardsQueue, reviewAheadQueue, type Queue } from '../domain/queue/queue';
import { roleSettings, type Settings } from '../domain/settings/settings';
import { endOfReviewDay, startOfReviewDay } from '../domain/time/reviewDay';
import type { AppDb } from '../storage/db';
import { listDecks } from '../storage/decks';
import {
  countMoreReviews,
  loadQueueInputs,
  loadTopicCardIds,
  loadUpcomingReviews,
  type CardFilter,
} from '../storage/queues';
import { storedState } from '../storage/reviews';

const loadStates = async (db: AppDb, ids: string[]) =>
  (await Promise.all(ids.map((id) => storedState(db, id)))).filter((s) => s !== undefined);

/** The daily review, one role, or one topic of a role (practising a weak spot). */
export type Scope =
  | { kind: 'daily' }
  | { kind: 'role'; deckId: string; topic?: string }
  /** Chosen cards of a role, due or not (the questions a mock interview found weak). */
  | { kind: 'cards'; deckId: string; cardIds: string[] };

const AHEAD_BATCH = 20;

export interface LoadedQueue {
  queue: Queue;
  /** With `lazyCount`: the exact number of due reviews not loaded, to replace the queue's estimate. */
  pending?: () => Promise<number>;
}

/** Today's queue for a scope, read from storage (also used to refill it as it empties). */
export async function loadQueue(
  db: AppDb,
  settings: Settings,
  scope: Scope,
  now: number,
  ahead: boolean,
  lazyCount = false,
): Promise<LoadedQueue> {
  const dayStart = startOfReviewDay(now, settings.rolloverHour);
  const dayEnd = endOfReviewDay(now, settings.rolloverHour);
  if (scope.kind === 'cards') return { queue: chosenCardsQueue(await loadStates(db, scope.cardIds)) };
  let keep: CardFilter | undefined;
  if (scope.kind === 'role' && scope.topic) {
    const ids = await loadTopicCardIds(db, scope.deckId, scope.topic);
    keep = (id) => ids.has(id);
  }
  if (scope.kind === 'role' && ahead) {
    const upcoming = await loadUpcomingReviews(db, scope.deckId, dayEnd, AHEAD_BATCH, keep);
    return { queue: reviewAheadQueue(upcoming, AHEAD_BATCH) };
  }
  const deckIds =
    scope.kind === 'role'
      ? [scope.deckId]
      : (await listDecks(db)).map((d) => d.id).filter((id) => roleSettings(settings, id).enabled);
  const countDue = !lazyCount || keep !== undefined;
  const inputs = await loadQueueInputs(db, deckIds, settings, dayStart, dayEnd, keep, { countDue });
  return {
    queue: buildQueue(inputs, dayEnd),
    pending: countDue ? undefined : () => countMoreReviews(db, inputs, dayEnd),
  };
}
