import { CARD_DOC_PREFIX } from './cardFields';
import { CARD_PARTS_FORMAT } from './cardParts';
import { DECK_CHUNK_FORMAT } from './deckDocs';
import { REVIEW_BATCH_FORMAT } from './reviewBatch';

/**
 * Every document the app writes to the server says its format. A newer app that changes what a
 * kind of document means (a column, the values a field may hold) raises that kind's format here;
 * an older app that meets a document in a format it does not know stops syncing there rather
 * than read it wrongly, skip it for good, or write over it, and the Sync section asks for an
 * update. A kind not listed (one a newer app added) is not this app's to read and is passed over.
 */
export const KNOWN_FORMATS: Readonly<Record<string, number>> = {
  reviews: REVIEW_BATCH_FORMAT,
  deckChunk: DECK_CHUNK_FORMAT,
  fields: 1,
  // 2: records of many reviews in one document (undone.ts); a single record still says 1.
  undone: 2,
};

export class NewerFormatError extends Error {
  override name = 'NewerFormatError';
  constructor(readonly docId: string) {
    super(`sync: ${docId} is in a newer format than this app knows`);
  }
}

const formatOf = (doc: unknown): { id: string; kind?: unknown; format?: unknown } => {
  const d = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  return { id: String(d._id), kind: d.kind, format: d.format };
};

/** A role's card data documents may be split in parts (cardParts.ts): format 2; other field documents are at 1. */
const knownFormat = (kind: string, id: string): number | undefined =>
  kind === 'fields' && id.startsWith(CARD_DOC_PREFIX) ? CARD_PARTS_FORMAT : KNOWN_FORMATS[kind];

/** Throws NewerFormatError when `doc` is of a known kind in a format above this app's (none: the first). */
export function checkFormat(doc: unknown): void {
  const { id, kind, format } = formatOf(doc);
  const known = typeof kind === 'string' ? knownFormat(kind, id) : undefined;
  if (known !== undefined && typeof format === 'number' && format > known) throw new NewerFormatError(id);
}

/** The format a document of a kind is written in when it says none: a single undo record's is 1. */
const WRITTEN_FORMATS: Readonly<Record<string, number>> = { ...KNOWN_FORMATS, undone: 1 };

/** `doc` saying the format of its kind, unless it says one already. */
export function withFormat<T extends object>(doc: T): T {
  const { kind, format } = formatOf(doc);
  const known = typeof kind === 'string' ? WRITTEN_FORMATS[kind] : undefined;
  return known === undefined || format !== undefined ? doc : { ...doc, format: known };
}
