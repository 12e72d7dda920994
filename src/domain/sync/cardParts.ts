import type { FieldMap } from './fields';

/**
 * A role's card data document (`fields:cards:<role>`) grows with the cards the user marked (about
 * 100 bytes a field): some 70,000 reset or suspended cards would pass CouchDB's default limit of
 * 8 MB a document. A document whose fields would pass SPLIT_ABOVE bytes is therefore split: its
 * fields go to 16 parts by the next hex digit of a stable hash of their card's id
 * (`fields:cards:<role>/<digits>`), each split again the same way should it grow past the limit,
 * and the document keeps only a mark saying it is split. Until then a role's document is the one
 * every earlier app reads and writes (format 1); the split mark and the parts are format 2, at
 * which an earlier app stops and asks to be updated, changing nothing. Fields merge one by one as
 * before, whichever part holds them.
 */
export const SPLIT_ABOVE = 1_000_000;
/** Digits of a card id's hash: a document this deep is not split again (its cards share a 32-bit hash). */
const DEPTH = 8;
/** The format of a role's split mark and its parts (the whole document is format 1). */
export const CARD_PARTS_FORMAT = 2;
const HEX = '0123456789abcdef';

/** 32-bit FNV-1a with murmur3's finaliser, as 8 hex digits: the same on every device and version. */
export function cardHash(cardId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) h = Math.imul(h ^ cardId.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(DEPTH, '0');
}

/** The document of the part `prefix` of a role's document `rootId` (the document itself for ''). */
export const partId = (rootId: string, prefix: string): string => (prefix ? `${rootId}/${prefix}` : rootId);

/** The parts a document of `prefix` splits into. */
export const childPrefixes = (prefix: string): string[] => [...HEX].map((h) => prefix + h);

export const canSplit = (prefix: string): boolean => prefix.length < DEPTH;

/** Bytes of the fields as the server stores them. */
export const fieldsBytes = (fields: FieldMap): number =>
  new TextEncoder().encode(JSON.stringify(fields)).length;

/** Whether a document is a split mark (its fields are in its parts). */
export const isSplit = (doc: unknown): boolean => (doc as { split?: unknown } | null)?.split === true;
