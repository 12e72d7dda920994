declare module 'virtual:decks' {
  import type { DeckFile } from '../storage/deckSync';
  const decks: DeckFile[];
  export default decks;
}

declare module 'virtual:deck-hashes' {
  const hashes: { id: string; hash: string }[];
  export default hashes;
}

declare module 'virtual:deck-titles' {
  /** Each bundled deck's title as its file gives it (unchecked: a broken deck may lack one). */
  const titles: { id: string; title?: { en?: unknown; zh?: unknown } }[];
  export default titles;
}
