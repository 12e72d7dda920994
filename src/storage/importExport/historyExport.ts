import Dexie from 'dexie';
import { HISTORY_JSON_TAIL, historyJsonChunk, historyJsonHead } from '../../domain/export/historyJson';
import {
  compareLogs,
  inRange,
  REVLOG_HEADER,
  revlogCsvRows,
  type TimeRange,
} from '../../domain/export/revlogCsv';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { checkAborted, PAGE, type ExportOutput } from './output';

export interface HistoryQuery {
  /** One role's reviews, or every role's (null). */
  deckId: string | null;
  range: TimeRange;
  format: 'csv' | 'json';
}

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

function countInRange(db: AppDb, { deckId, range }: HistoryQuery): Promise<number> {
  const from = range.from ?? MIN;
  const to = range.to ?? MAX;
  return deckId === null
    ? db.logs.where('review').between(from, to, true, false).count()
    : db.logs.where('[deckId+review]').between([deckId, from], [deckId, to], true, false).count();
}

/**
 * Reads the logs in card-id order, a page at a time, never splitting one card's logs across pages
 * (keyset paging on the card-id index: each page starts at the card the last one stopped before).
 */
async function* pagesByCard(db: AppDb, deckId: string | null): AsyncGenerator<ReviewLog[]> {
  const prefix = deckId === null ? '' : `${deckId}.`;
  const end = deckId === null ? MAX : `${prefix}\uffff`;
  let from: string = prefix;
  for (;;) {
    const page: ReviewLog[] = await db.logs
      .where('cardId')
      .between(from, end, true, false)
      .limit(PAGE)
      .toArray();
    if (page.length < PAGE) {
      if (page.length) yield page;
      return;
    }
    const last = page[page.length - 1]!.cardId;
    const whole = page.filter((l) => l.cardId !== last);
    if (whole.length === 0) {
      // One card with a page or more of reviews: read that card whole.
      yield await db.logs.where('cardId').equals(last).toArray();
      from = `${last}\u0000`;
    } else {
      yield whole;
      from = last;
    }
  }
}

/**
 * Writes the review history sorted by card, then time, reading the card-id index a page at a
 * time (card ids start with their deck's id, so a role is a key range): memory holds one page,
 * whatever the history's size.
 */
export async function writeHistory(
  db: AppDb,
  query: HistoryQuery,
  now: number,
  out: ExportOutput,
): Promise<number> {
  return db.transaction('r', [db.logs, db.cards], async () => {
    const [count, total] = await Promise.all([
      countInRange(db, query),
      query.deckId === null
        ? db.logs.count()
        : db.logs.where('cardId').startsWith(`${query.deckId}.`).count(),
    ]);
    const json = query.format === 'json';
    out.write(
      json
        ? historyJsonHead({ exportedAt: now, deckId: query.deckId, range: query.range, count })
        : REVLOG_HEADER,
    );
    out.progress(0, total);
    const keep = inRange(query.range);
    let read = 0;
    let written = 0;
    for await (const logs of pagesByCard(db, query.deckId)) {
      checkAborted(out.signal);
      read += logs.length;
      const rows = logs.filter(keep).sort(compareLogs);
      if (rows.length) {
        if (json) {
          const cards = await db.cards.bulkGet([...new Set(rows.map((l) => l.cardId))]);
          const topics = new Map(cards.flatMap((c) => (c ? [[c.id, c.topic] as const] : [])));
          out.write(historyJsonChunk(rows, (id) => topics.get(id) ?? null, written === 0));
        } else out.write(revlogCsvRows(rows));
        written += rows.length;
      }
      out.progress(read, total);
    }
    if (json) out.write(HISTORY_JSON_TAIL);
    return written;
  });
}
