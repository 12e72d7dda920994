import type { Deck, DeckCard, Localized } from './schema';

export type DeckSource = 'builtin' | 'user';

/** A deck as stored: its metadata, without the cards. */
export interface DeckRecord {
  id: string;
  version: number;
  title: Localized;
  description: Localized;
  topics: Record<string, Localized>;
  source: DeckSource;
  /** Hash of the deck file's content; sync skips a deck whose hash is unchanged. */
  hash: string;
  cardCount: number;
}

/** A card's content as stored; its scheduling state lives apart (SchedState). */
export interface CardRecord extends DeckCard {
  deckId: string;
  position: number;
  hash: string;
  retired: boolean;
}

export function deckRecord(deck: Deck, source: DeckSource, hash: string): DeckRecord {
  return {
    id: deck.id,
    version: deck.version,
    title: deck.title,
    description: deck.description,
    topics: deck.topics ?? {},
    source,
    hash,
    cardCount: deck.cards.length,
  };
}
