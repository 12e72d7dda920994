import type { CardRecord } from '../domain/deck/records';
import type { Queue } from '../domain/queue/queue';
import type { SchedState } from '../domain/scheduling/types';
import type { AppDb } from '../storage/db';
import { getCards } from '../storage/decks';
import { idlePeriod } from './afterPaint';

/** Card content of the session's current and upcoming cards, so IndexedDB stays off the hot path. */
let cardCache = new Map<string, CardRecord>();

/**
 * Card content may have changed since the last session (a deck re-imported or restored). A new
 * map: a read begun before the clear fills the old one.
 */
export const clearCardContent = () => (cardCache = new Map());

/**
 * The content of the cards most likely to come next (already fetched), for pre-rendering: in the
 * order `nextCard` takes them once the current card is answered (pinned, learning cards due by
 * `now`, the main queue, then learning cards due later), so the first is the one to prepare first.
 */
export function upcomingCards(queue: Queue, currentId: string | null, now: number): CardRecord[] {
  const dueNow = queue.learning.filter((s) => s.due <= now);
  const later = queue.learning.filter((s) => s.due > now);
  const ids = [
    ...queue.pinned.slice(0, 2),
    ...dueNow.slice(0, 2),
    ...queue.main.slice(0, 3),
    ...later.slice(0, 1),
  ]
    .map((s) => s.cardId)
    .filter((id) => id !== currentId);
  return [...new Set(ids)].flatMap((id) => cardCache.get(id) ?? []);
}

async function fetchCards(db: AppDb, ids: string[]): Promise<void> {
  const cache = cardCache;
  const cards = await getCards(db, ids);
  if (cache.size > 500) cache.clear();
  for (const [id, card] of cards) cache.set(id, card);
}

/**
 * The content of the card to show, prefetching the next few. A card already fetched is returned
 * without waiting for the prefetch: the next card is shown in the task of the rating key, and the
 * prefetch starts at the next idle moment.
 */
export async function contentFor(
  db: AppDb,
  queue: Queue,
  state: SchedState,
): Promise<CardRecord | undefined> {
  const upcoming = [...queue.pinned.slice(0, 3), ...queue.learning.slice(0, 3), ...queue.main.slice(0, 5)]
    .map((s) => s.cardId)
    .filter((id) => id !== state.cardId && !cardCache.has(id));
  const cached = cardCache.get(state.cardId);
  if (cached) {
    // At an idle moment: the read's requests are set up neither in the rating key's task nor in
    // the task after its frame, which the review's transaction takes. The next cards are read already.
    if (upcoming.length) void idlePeriod().then(() => fetchCards(db, upcoming).catch(() => undefined));
    return cached;
  }
  await fetchCards(db, [state.cardId, ...upcoming]);
  return cardCache.get(state.cardId);
}
