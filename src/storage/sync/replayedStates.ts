import type { Scheduler } from '../../domain/scheduling/scheduler';
import { countingReviews, replayCard, type ReplayReview } from '../../domain/sync/replay';
import { fromRow, toRow, type AppDb, type StateRow } from '../db';

/**
 * The states `rows` replay to from their cards' reviews in `byCard` (replayCard), inside the
 * caller's transaction, which must include `cards`. Only a card left with no review that counts
 * (its only ones undone, or from before its reset) is new again at its position in its deck, so
 * only those cards are read: a first pull touches most cards, and reading each one's content cost
 * as much as the reviews.
 */
export async function replayedStates(
  db: AppDb,
  rows: readonly (StateRow | undefined)[],
  byCard: ReadonlyMap<string, readonly ReplayReview[]>,
  schedulerFor: (deckId: string) => Scheduler,
): Promise<StateRow[]> {
  const emptied = rows.flatMap((row) =>
    row && countingReviews(row, byCard.get(row.cardId) ?? []).length === 0 ? [row.cardId] : [],
  );
  const positions = new Map(
    (await db.cards.bulkGet(emptied)).flatMap((c) => (c ? [[c.id, c.position] as const] : [])),
  );
  const states: StateRow[] = [];
  for (const row of rows) {
    if (!row) continue;
    const current = fromRow(row);
    const logs = byCard.get(current.cardId) ?? [];
    const position =
      countingReviews(current, logs).length === 0 ? (positions.get(current.cardId) ?? 0) : undefined;
    states.push(toRow(replayCard(current, logs, schedulerFor(current.deckId), position)));
  }
  return states;
}
