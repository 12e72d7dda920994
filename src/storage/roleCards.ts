import type { Localized } from '../domain/deck/schema';
import type { AppDb } from './db';
import { getCards } from './decks';
import { loadSnapshotColumns } from './snapshots/loadSnapshots';
import { cardIdsOf, emptySnapshot, type StateSnapshot } from './snapshots/stateSnapshot';

/** A role's card states as columns, one value per card (and the card ids in the same order). */
export type RoleColumns = StateSnapshot;

export { cardIdsOf };

/**
 * The role's card states, read from its state snapshot (one record of typed arrays, patched with
 * whatever changed since it was written): reading 20,000 state records and card keys took most of
 * the half second a large deck's page needed to show. A role without a state has no snapshot
 * entry, and gets an empty one.
 */
export async function loadRoleColumns(db: AppDb, deckId: string): Promise<RoleColumns> {
  const byDeck = await loadSnapshotColumns(db, [deckId]);
  return byDeck.get(deckId) ?? emptySnapshot(deckId, 0);
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
