/**
 * A review undone after it may have reached the server: its batch stays as it was (batches are
 * immutable), and an append-only record says it was undone, under an id made from the review's
 * own (`undone:<review id>`), so two writes of it are one. Every device that meets the record
 * removes that review, if it has it, and replays the card from its remaining reviews; one that
 * meets the batch later leaves the review out.
 */
export const UNDONE_PREFIX = 'undone:';

export interface UndoneDoc {
  _id: string;
  kind: 'undone';
  /** The undone review's id. */
  review: string;
  deckId: string;
}

export const undoneDoc = (review: { id: string; deckId: string }): UndoneDoc => ({
  _id: `${UNDONE_PREFIX}${review.id}`,
  kind: 'undone',
  review: review.id,
  deckId: review.deckId,
});

/** The id of the review a document says was undone; null when it is no such record. */
export function readUndone(doc: unknown): string | null {
  const d = doc as Partial<UndoneDoc> | null;
  return d?.kind === 'undone' && typeof d.review === 'string' && d._id === `${UNDONE_PREFIX}${d.review}`
    ? d.review
    : null;
}
