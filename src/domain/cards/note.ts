/** The user's own note on a card (Markdown): their example, their project story. */
export interface CardNote {
  cardId: string;
  deckId: string;
  text: string;
  /** When it was last saved (epoch ms). */
  updated: number;
}

export const NOTE_MAX_CHARS = 20_000;

/** A note over the length limit: nothing is saved. */
export class NoteTooLongError extends Error {
  override name = 'NoteTooLongError';
  constructor(
    readonly cardId: string,
    readonly length: number,
  ) {
    super(`the note on ${cardId} has ${length} characters; at most ${NOTE_MAX_CHARS} can be saved`);
  }
}
