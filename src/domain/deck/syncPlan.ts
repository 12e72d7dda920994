import { newState } from '../scheduling/newState';
import type { SchedState } from '../scheduling/types';
import { hashString } from './hash';
import { deckRecord, type CardRecord, type DeckRecord, type DeckSource } from './records';
import type { Deck } from './schema';

/** What is stored of a card, as far as sync needs to know. */
export interface StoredCardMeta {
  id: string;
  hash: string;
  retired: boolean;
  position: number;
}

export interface SyncPlan {
  deck: DeckRecord;
  /** Cards to write: new, changed, moved or coming back from retirement. */
  putCards: CardRecord[];
  /** States to create for cards that have none yet. */
  newStates: SchedState[];
  /** Cards no longer in the deck: kept with their history, out of the queues. */
  retire: string[];
  /** Retired cards that are back in the deck. */
  unretire: string[];
  /** New cards whose position changed: their `due` (the new-card order) follows. */
  reposition: { cardId: string; position: number }[];
}

/**
 * Compares a validated deck with what is stored and says what to write. Scheduling state is
 * never touched, except that retired cards leave the queues and returning ones re-enter them.
 */
export function planDeckSync(
  deck: Deck,
  deckHash: string,
  source: DeckSource,
  stored: StoredCardMeta[],
  hasState: (cardId: string) => boolean,
): SyncPlan {
  const byId = new Map(stored.map((c) => [c.id, c]));
  const plan: SyncPlan = {
    deck: deckRecord(deck, source, deckHash),
    putCards: [],
    newStates: [],
    retire: [],
    unretire: [],
    reposition: [],
  };
  const present = new Set<string>();
  deck.cards.forEach((card, position) => {
    present.add(card.id);
    const hash = hashString(JSON.stringify(card));
    const old = byId.get(card.id);
    if (!old || old.hash !== hash || old.retired || old.position !== position) {
      plan.putCards.push({ ...card, deckId: deck.id, position, hash, retired: false });
    }
    if (old?.retired) plan.unretire.push(card.id);
    if (old && old.position !== position) plan.reposition.push({ cardId: card.id, position });
    if (!hasState(card.id)) plan.newStates.push(newState(card.id, deck.id, position));
  });
  for (const old of stored) if (!present.has(old.id) && !old.retired) plan.retire.push(old.id);
  return plan;
}
