/**
 * A review undone after it may have reached the server: its batch stays as it was (batches are
 * immutable), and an append-only record says it was undone, under an id made from the review's
 * own (`undone:<review id>`), so two writes of it are one. Every device that meets the record
 * removes that review, if it has it, and replays the card from its remaining reviews; one that
 * meets the batch later leaves the review out.
 *
 * Many reviews removed at once (a role rolled back to its snapshot) are recorded in documents of
 * up to UNDONE_PER_DOC ids each (format 2), not one document each: a pull gets a page of the
 * changes feed's documents at a time, and 100,000 records one per document made 5,000 pages. An
 * app that knows only the single records stops at them and asks for an update.
 */
export const UNDONE_PREFIX = 'undone:';

export interface UndoneDoc {
  _id: string;
  kind: 'undone';
  format: 1;
  /** The undone review's id. */
  review: string;
  deckId: string;
}

export interface UndoneBatchDoc {
  _id: string;
  kind: 'undone';
  format: 2;
  /** The undone reviews' ids. */
  reviews: string[];
}

/**
 * Records a sync sends one document each (what earlier apps read); more go in batches. Undos one
 * at a time on the review screen are sent 15 s after the last review: this many wait only offline.
 * A hundred single records are five pages of the changes feed for another device.
 */
export const UNDONE_SINGLE_MAX = 100;
/** Review ids in a batch of records: 39 bytes each (a UUID), 195 KB a document (CouchDB's default limit is 8 MB). */
export const UNDONE_PER_DOC = 5_000;

export const undoneDoc = (review: { id: string; deckId: string }): UndoneDoc => ({
  _id: `${UNDONE_PREFIX}${review.id}`,
  kind: 'undone',
  format: 1,
  review: review.id,
  deckId: review.deckId,
});

/**
 * The documents recording `reviews` undone: one each when they are few, else batches named by
 * the device and the change sequence number the records reach (`undone:<device>@<usn>:<n>`), so
 * that a sync cut short and run again writes the same documents.
 */
export function undoneDocs(
  reviews: readonly { id: string; deckId: string }[],
  device: string,
  usn: number,
): (UndoneDoc | UndoneBatchDoc)[] {
  if (reviews.length <= UNDONE_SINGLE_MAX) return reviews.map(undoneDoc);
  const docs: UndoneBatchDoc[] = [];
  for (let i = 0; i < reviews.length; i += UNDONE_PER_DOC)
    docs.push({
      _id: `${UNDONE_PREFIX}${device}@${usn}:${docs.length}`,
      kind: 'undone',
      format: 2,
      reviews: reviews.slice(i, i + UNDONE_PER_DOC).map((r) => r.id),
    });
  return docs;
}

/** The ids of the reviews a document says were undone; none when it is no such record. */
export function readUndone(doc: unknown): string[] {
  const d = doc as Partial<UndoneDoc & Omit<UndoneBatchDoc, 'format'>> | null;
  if (d?.kind !== 'undone' || typeof d._id !== 'string' || !d._id.startsWith(UNDONE_PREFIX)) return [];
  if (typeof d.review === 'string') return d._id === `${UNDONE_PREFIX}${d.review}` ? [d.review] : [];
  return Array.isArray(d.reviews) ? d.reviews.filter((id): id is string => typeof id === 'string') : [];
}
