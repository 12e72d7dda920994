import type { CardRecord, DeckRecord } from '../../domain/deck/records';
import type { AppDb } from '../db';

export async function loadDeckForExport(
  db: AppDb,
  deckId: string,
): Promise<{ deck: DeckRecord; cards: CardRecord[] } | null> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) return null;
    return { deck, cards: await db.cards.where('deckId').equals(deckId).sortBy('position') };
  });
}
