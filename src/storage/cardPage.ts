import type { CardNote } from '../domain/cards/note';
import type { CardRecord, DeckRecord } from '../domain/deck/records';
import type { ReviewLog, SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';
import { pulledReviewsOf } from './sync/pulledReviews';

export interface CardPageData {
  card: CardRecord;
  deck: DeckRecord | undefined;
  state: SchedState | undefined;
  /** Oldest first. */
  logs: ReviewLog[];
  note: CardNote | undefined;
}

/**
 * Everything the card page shows, read in one transaction; undefined if there is no such card. The
 * history includes the card's reviews a large pull stored as blocks not yet written into `logs`.
 */
export function loadCardPage(db: AppDb, cardId: string): Promise<CardPageData | undefined> {
  const tables = [db.cards, db.decks, db.states, db.logs, db.notes, db.pulledBlocks, db.meta];
  return db.transaction('r', tables, async () => {
    const [card, row, stored, pulled, note] = await Promise.all([
      db.cards.get(cardId),
      db.states.get(cardId),
      db.logs.where('cardId').equals(cardId).toArray(),
      pulledReviewsOf(db, cardId),
      db.notes.get(cardId),
    ]);
    if (!card) return undefined;
    const logs = [...stored, ...pulled].sort((a, b) => a.review - b.review);
    return { card, deck: await db.decks.get(card.deckId), state: row && fromRow(row), logs, note };
  });
}
