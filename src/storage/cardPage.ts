import type { CardNote } from '../domain/cards/note';
import type { CardRecord, DeckRecord } from '../domain/deck/records';
import type { ReviewLog, SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';

export interface CardPageData {
  card: CardRecord;
  deck: DeckRecord | undefined;
  state: SchedState | undefined;
  /** Oldest first. */
  logs: ReviewLog[];
  note: CardNote | undefined;
}

/** Everything the card page shows, read in one transaction; undefined if there is no such card. */
export function loadCardPage(db: AppDb, cardId: string): Promise<CardPageData | undefined> {
  return db.transaction('r', [db.cards, db.decks, db.states, db.logs, db.notes], async () => {
    const [card, row, logs, note] = await Promise.all([
      db.cards.get(cardId),
      db.states.get(cardId),
      db.logs.where('cardId').equals(cardId).sortBy('review'),
      db.notes.get(cardId),
    ]);
    if (!card) return undefined;
    return { card, deck: await db.decks.get(card.deckId), state: row && fromRow(row), logs, note };
  });
}
