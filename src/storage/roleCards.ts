import type { Localized } from '../domain/deck/schema';
import type { SchedState } from '../domain/scheduling/types';
import { fromRow, type AppDb } from './db';
import { getCards } from './decks';

/** A role's card as its page needs it: no content (a 20,000-card deck holds some 46 MB of it). */
export interface RoleCard {
  id: string;
  /** Removed from its deck, history kept (deck sync marks the card and its state together). */
  retired: boolean;
  state: SchedState | null;
}

/**
 * The role's cards with their states, read from the card keys and the states only: loading every
 * card's content took seconds for a large deck before its page could show.
 */
export async function loadRoleCards(db: AppDb, deckId: string): Promise<RoleCard[]> {
  const [ids, rows] = await Promise.all([
    db.cards.where('deckId').equals(deckId).primaryKeys(),
    db.states.where('deckId').equals(deckId).toArray(),
  ]);
  const byId = new Map(rows.map((row) => [row.cardId, fromRow(row)]));
  return ids.map((id) => {
    const state = byId.get(id) ?? null;
    return { id, retired: state?.hidden === 'retired', state };
  });
}

export interface CardTitle {
  id: string;
  topic: string;
  question: Localized;
}

/** Topic and question of a page of cards, in the order asked. */
export async function loadCardTitles(db: AppDb, ids: string[]): Promise<CardTitle[]> {
  const cards = await getCards(db, ids);
  return ids.flatMap((id) => {
    const card = cards.get(id);
    return card ? [{ id, topic: card.topic, question: card.question }] : [];
  });
}
