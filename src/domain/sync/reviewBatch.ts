import { logIssue, isPlausibleClock } from '../scheduling/valid';
import type { ReviewLog } from '../scheduling/types';
import { LOG_COLUMNS, LOG_OPTIONAL_COLUMNS } from '../backup/format';

/**
 * Reviews travel as immutable documents, one per device per push (split when a push is large):
 * `reviews:<device>:<sequence>`. A review never changes once made, so a batch is written once and
 * never updated: a second write of the same id is refused by the server and means "already there".
 */
export const REVIEW_BATCH_PREFIX = 'reviews:';
export const REVIEW_BATCH_FORMAT = 1;
/** Keeps one document well under CouchDB's default 8 MB limit (about 120 bytes a review). */
export const MAX_REVIEWS_PER_BATCH = 5_000;

/** Every field of a review log, in the order a batch's rows hold them: the backup's columns. */
const FIELDS = [...LOG_COLUMNS, ...LOG_OPTIONAL_COLUMNS] as const;
/** A field added to ReviewLog and not to FIELDS fails the type check here: batches carry every field. */
type Unsent = Exclude<keyof ReviewLog, (typeof FIELDS)[number]>;
export const EVERY_LOG_FIELD_SENT: [Unsent] extends [never] ? true : Unsent = true;

type Row = (string | number | null)[];

export interface ReviewBatchDoc {
  _id: string;
  kind: 'reviews';
  format: number;
  device: string;
  seq: number;
  /** Column names of `rows`: a row per review, not an object with its keys repeated. */
  fields: string[];
  rows: Row[];
}

export const batchId = (device: string, seq: number): string =>
  `${REVIEW_BATCH_PREFIX}${device}:${String(seq).padStart(10, '0')}`;

/** The sequence number of a batch `device` pushed, from the batch's id; null for any other document. */
export function batchSeqOf(id: string, device: string): number | null {
  const prefix = `${REVIEW_BATCH_PREFIX}${device}:`;
  if (!id.startsWith(prefix)) return null;
  const seq = id.slice(prefix.length);
  return /^\d{10,}$/.test(seq) ? Number(seq) : null;
}

const toRow = (log: ReviewLog): Row => FIELDS.map((f) => log[f] ?? null);

/** A device's reviews as batch documents numbered from `firstSeq`, oldest first. */
export function reviewBatches(
  device: string,
  firstSeq: number,
  logs: readonly ReviewLog[],
): ReviewBatchDoc[] {
  const sorted = [...logs].sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : 1));
  const batches: ReviewBatchDoc[] = [];
  for (let i = 0; i < sorted.length; i += MAX_REVIEWS_PER_BATCH) {
    const seq = firstSeq + batches.length;
    batches.push({
      _id: batchId(device, seq),
      kind: 'reviews',
      format: REVIEW_BATCH_FORMAT,
      device,
      seq,
      fields: [...FIELDS],
      rows: sorted.slice(i, i + MAX_REVIEWS_PER_BATCH).map(toRow),
    });
  }
  return batches;
}

export interface ReadBatch {
  reviews: ReviewLog[];
  /** Rows that are not a review this app can store (corrupted, or from a newer format): left out. */
  skipped: number;
}

/** The reviews of a batch document as another device wrote it; null when it is no review batch. */
export function readReviewBatch(doc: unknown): ReadBatch | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Partial<ReviewBatchDoc>;
  if (d.kind !== 'reviews' || !Array.isArray(d.fields) || !Array.isArray(d.rows)) return null;
  const fields = d.fields;
  const reviews: ReviewLog[] = [];
  let skipped = 0;
  for (const row of d.rows) {
    if (!Array.isArray(row)) {
      skipped++;
      continue;
    }
    const log: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if ((FIELDS as readonly string[]).includes(f) && row[i] !== null && row[i] !== undefined)
        log[f] = row[i];
    });
    const candidate = log as unknown as ReviewLog;
    if (logIssue(candidate) || !isPlausibleClock(candidate.review)) skipped++;
    else reviews.push(candidate);
  }
  return { reviews, skipped };
}
