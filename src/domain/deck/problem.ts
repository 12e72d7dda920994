import type { Reason } from '../import/reason';

/** What is wrong with a deck, and where: the file, the card (when in one) and the field. */
export interface DeckProblem {
  file: string;
  cardId: string | null;
  /** Dotted path to the field, e.g. `cards.3.answer.zh`. */
  field: string;
  /** In English, for the deck's author; `reason` says it in any language. */
  message: string;
  reason?: Reason;
}

export function describeProblem(p: DeckProblem): string {
  return `${p.file}${p.cardId ? ` · ${p.cardId}` : ''} · ${p.field}: ${p.message}`;
}
