declare module 'virtual:decks' {
  import type { DeckFile } from '../storage/deckSync';
  const decks: DeckFile[];
  export default decks;
}

declare module 'virtual:deck-hashes' {
  const hashes: { id: string; hash: string }[];
  export default hashes;
}
