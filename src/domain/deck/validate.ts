import type { DeckProblem } from './problem';
import { deckSchema, type Deck } from './schema';

export type DeckValidation = { ok: true; deck: Deck } | { ok: false; problems: DeckProblem[] };

function cardIdAt(raw: unknown, index: unknown): string | null {
  if (typeof index !== 'number' || typeof raw !== 'object' || raw === null) return null;
  const cards = (raw as { cards?: unknown }).cards;
  const card = Array.isArray(cards) ? (cards[index] as { id?: unknown } | undefined) : undefined;
  return typeof card?.id === 'string' ? card.id : `#${index + 1}`;
}

/** Validates parsed JSON as a deck, naming the file, card and field of every problem. */
export function validateDeck(raw: unknown, file: string, expectedId?: string): DeckValidation {
  const result = deckSchema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.slice(0, 50).map((issue) => ({
        file,
        cardId: issue.path[0] === 'cards' ? cardIdAt(raw, issue.path[1]) : null,
        field: issue.path.join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  if (expectedId !== undefined && result.data.id !== expectedId) {
    return {
      ok: false,
      problems: [{ file, cardId: null, field: 'id', message: `must equal the file name "${expectedId}"` }],
    };
  }
  return { ok: true, deck: result.data };
}
