import Dexie from 'dexie';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { monthOf, monthStart } from './logMonths';

/** The logs' `[deckId+review]` index: a deck's reviews in time order, ties in log-id order. */
const BY_DECK_TIME = '[deckId+review]';
const MAX = Dexie.maxKey;

/** A review-time bound: a number, or Dexie.maxKey for "no end". */
export type TimeBound = number | typeof Dexie.maxKey;

interface Bounds {
  lower: unknown;
  upper: unknown;
  lowerOpen?: boolean;
  upperOpen?: boolean;
}

/** The first index key in the bounds, reading no log. */
async function firstKey(db: AppDb, b: Bounds): Promise<[string, unknown] | undefined> {
  const keys = await db.logs
    .where(BY_DECK_TIME)
    .between(b.lower, b.upper, !b.lowerOpen, !b.upperOpen)
    .limit(1)
    .keys();
  return keys[0] as [string, unknown] | undefined;
}

/** Every deck that has reviews, in id order: one index lookup per deck, no log read. */
export async function decksWithLogs(db: AppDb): Promise<string[]> {
  const decks: string[] = [];
  let key = await firstKey(db, { lower: [Dexie.minKey], upper: [MAX] });
  while (key) {
    decks.push(key[0]);
    key = await firstKey(db, { lower: [key[0], MAX], lowerOpen: true, upper: [MAX] });
  }
  return decks;
}

/**
 * The UTC months in which a deck has reviews: one index lookup per month. A review whose time is
 * no valid date (the app writes none) is in no month; readers reach it through the gaps between blocks.
 */
export async function monthsWithLogs(db: AppDb, deckId: string): Promise<number[]> {
  const months: number[] = [];
  let from = -Infinity;
  for (;;) {
    const time = (await firstKey(db, { lower: [deckId, from], upper: [deckId, MAX] }))?.[1];
    const month = typeof time === 'number' ? monthOf(time) : NaN;
    if (!Number.isInteger(month)) return months;
    months.push(month);
    from = monthStart(month + 1);
  }
}

/** A deck's logs with `from <= review < to`, in index order. Inside a transaction it is one consistent read. */
export const logsBetween = (db: AppDb, deckId: string, from: number, to: TimeBound): Promise<ReviewLog[]> =>
  db.logs.where(BY_DECK_TIME).between([deckId, from], [deckId, to], true, false).toArray();

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Cancelled.', 'AbortError');
}

/**
 * The same logs as logsBetween, a page at a time, each page its own short transaction so a long
 * read never holds up a review for long. Pages may see different moments: callers notice a change
 * in between through `changes` (see refreshLogBlocks).
 */
export async function logsBetweenPaged(
  db: AppDb,
  deckId: string,
  from: number,
  to: number,
  page: number,
  signal?: AbortSignal,
): Promise<ReviewLog[]> {
  const out: ReviewLog[] = [];
  const upper = [deckId, to];
  let lower = from;
  let last: ReviewLog | null = null;
  for (;;) {
    throwIfAborted(signal);
    const rows = await db.logs
      .where(BY_DECK_TIME)
      .between([deckId, lower], upper, true, false)
      .limit(page)
      .toArray();
    // A page starts at the last one's time: skip what it already had (equal times are in id order).
    const seen = last;
    const fresh = seen ? rows.filter((l) => l.review !== seen.review || l.id > seen.id) : rows;
    if (seen && fresh.length === 0 && rows.length === page) {
      // More than a page of reviews at one instant: take that instant whole, then go past it.
      const tied = await db.logs.where(BY_DECK_TIME).equals([deckId, seen.review]).toArray();
      out.push(...tied.filter((l) => l.id > seen.id));
      const next = await firstKey(db, {
        lower: [deckId, seen.review],
        lowerOpen: true,
        upper,
        upperOpen: true,
      });
      if (typeof next?.[1] !== 'number') return out;
      lower = next[1];
      last = null;
      continue;
    }
    out.push(...fresh);
    if (rows.length < page) return out;
    last = rows[rows.length - 1]!;
    lower = last.review;
  }
}
