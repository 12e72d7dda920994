import type { CardRecord } from '../domain/deck/records';
import type { Queue } from '../domain/queue/queue';
import type { SchedState } from '../domain/scheduling/types';
import type { AppDb } from '../storage/db';
import { getCards } from '../storage/decks';

/** Card content of the session's current and upcoming cards, so IndexedDB stays off the hot path. */
const cardCache = new Map<string, CardRecord>();

/** Card content may have changed since the last session (a deck re-imported or restored). */
export const clearCardContent = () => cardCache.clear();

/** The content of the cards most likely to come next (already fetched), for pre-rendering. */
export function upcomingCards(queue: Queue, currentId: string | null): CardRecord[] {
  const ids = [...queue.learning.slice(0, 2), ...queue.main.slice(0, 3)].map((s) => s.cardId);
  return ids.filter((id) => id !== currentId).flatMap((id) => cardCache.get(id) ?? []);
}

/** Loads the content of the current card and prefetches the next few. */
export async function contentFor(
  db: AppDb,
  queue: Queue,
  state: SchedState,
): Promise<CardRecord | undefined> {
  const upcoming = [
    state,
    ...queue.pinned.slice(0, 3),
    ...queue.learning.slice(0, 3),
    ...queue.main.slice(0, 5),
  ].map((s) => s.cardId);
  const missing = upcoming.filter((id) => !cardCache.has(id));
  if (missing.length) for (const [id, card] of await getCards(db, missing)) cardCache.set(id, card);
  if (cardCache.size > 500) cardCache.clear();
  return cardCache.get(state.cardId);
}
