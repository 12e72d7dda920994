import type { Deck, DeckCard } from '../deck/schema';

/**
 * Imported decks travel as the deck file they would export to (the cards they hold now, in deck
 * order), split into immutable chunk documents named by the deck and its content hash:
 * `deck:<deck id>:<hash>:<index>`. Which content each deck has now — or that it was deleted —
 * is one field per deck of the field document `fields:decks`, merged like the other fields (the
 * later import or deletion wins). Chunks are written before the field that names them, so a device
 * that reads the field finds every chunk; a deck whose hash is unchanged is never sent again.
 */
export const DECKS_DOC = 'fields:decks';
export const DECK_CHUNK_PREFIX = 'deck:';
export const DECK_CHUNK_FORMAT = 1;
/**
 * UTF-8 bytes of cards a chunk holds at most (one larger card goes alone): far below CouchDB's
 * default 8 MB document limit, and a request a phone sends in a few seconds. A deck of 20,000
 * cards is a few dozen chunks.
 */
export const MAX_CHUNK_BYTES = 1_000_000;

/** What `fields:decks` holds for a deck: its content, or null once deleted. */
export interface DeckRef {
  hash: string;
  chunks: number;
}

export interface DeckChunkDoc {
  _id: string;
  kind: 'deckChunk';
  format: number;
  deckId: string;
  hash: string;
  index: number;
  /** Chunk 0 holds the deck without its cards; every chunk holds some of the cards, in order. */
  deck?: Omit<Deck, 'cards'>;
  cards: DeckCard[];
}

export const deckChunkId = (deckId: string, hash: string, index: number): string =>
  `${DECK_CHUNK_PREFIX}${deckId}:${hash}:${index}`;

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** A deck as chunk documents of at most MAX_CHUNK_BYTES of cards each, and the field naming them. */
export function deckChunks(deck: Deck, hash: string): { ref: DeckRef; docs: DeckChunkDoc[] } {
  const { cards, ...meta } = deck;
  const groups: DeckCard[][] = [[]];
  let size = 0;
  for (const card of cards) {
    const cardBytes = bytes(card);
    if (size + cardBytes > MAX_CHUNK_BYTES && groups.at(-1)!.length > 0) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(card);
    size += cardBytes;
  }
  const docs = groups.map((group, index): DeckChunkDoc => ({
    _id: deckChunkId(deck.id, hash, index),
    kind: 'deckChunk',
    format: DECK_CHUNK_FORMAT,
    deckId: deck.id,
    hash,
    index,
    ...(index === 0 && { deck: meta }),
    cards: group,
  }));
  return { ref: { hash, chunks: docs.length }, docs };
}

export const isDeckRef = (v: unknown): v is DeckRef =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DeckRef).hash === 'string' &&
  /^[a-z0-9]{1,20}$/.test((v as DeckRef).hash) &&
  Number.isInteger((v as DeckRef).chunks) &&
  (v as DeckRef).chunks >= 1;

/**
 * The deck file the chunks of `ref` make, or null when one is missing, out of place, or in a
 * format this app does not know. The result is still to be validated as any imported deck is.
 */
export function deckFromChunks(deckId: string, ref: DeckRef, chunks: readonly unknown[]): unknown {
  if (chunks.length !== ref.chunks) return null;
  const cards: unknown[] = [];
  let meta: unknown = null;
  for (const [index, raw] of chunks.entries()) {
    const chunk = raw as Partial<DeckChunkDoc> | null;
    if (
      chunk?.kind !== 'deckChunk' ||
      typeof chunk.format !== 'number' ||
      chunk.format > DECK_CHUNK_FORMAT ||
      chunk.deckId !== deckId ||
      chunk.hash !== ref.hash ||
      chunk.index !== index ||
      !Array.isArray(chunk.cards)
    )
      return null;
    if (index === 0) meta = chunk.deck;
    cards.push(...chunk.cards);
  }
  if (typeof meta !== 'object' || meta === null) return null;
  return { ...meta, cards };
}
