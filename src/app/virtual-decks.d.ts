declare module 'virtual:decks' {
  import type { DeckFile } from '../storage/deckSync';
  const decks: DeckFile[];
  export default decks;
}
