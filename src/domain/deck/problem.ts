/** What is wrong with a deck, and where: the file, the card (when in one) and the field. */
export interface DeckProblem {
  file: string;
  cardId: string | null;
  /** Dotted path to the field, e.g. `cards.3.answer.zh`. */
  field: string;
  message: string;
}

export function describeProblem(p: DeckProblem): string {
  return `${p.file}${p.cardId ? ` · ${p.cardId}` : ''} · ${p.field}: ${p.message}`;
}
