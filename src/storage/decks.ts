import type { CardRecord, DeckRecord } from '../domain/deck/records';
import type { SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';

export const listDecks = (db: AppDb): Promise<DeckRecord[]> => db.decks.toArray();

export const getDeck = (db: AppDb, id: string) => db.decks.get(id);

export async function getCards(db: AppDb, ids: string[]): Promise<Map<string, CardRecord>> {
  const cards = await db.cards.bulkGet(ids);
  return new Map(cards.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

export interface CardWithState {
  card: CardRecord;
  state: SchedState | null;
}

/** A role's cards in deck order with their states, for the role screen. */
export async function loadDeckCards(db: AppDb, deckId: string): Promise<CardWithState[]> {
  const [cards, states] = await Promise.all([
    db.cards.where('deckId').equals(deckId).sortBy('position'),
    db.states.where('deckId').equals(deckId).toArray(),
  ]);
  const byId = new Map(states.map((s) => [s.cardId, fromRow(s)]));
  return cards.map((card) => ({ card, state: byId.get(card.id) ?? null }));
}
