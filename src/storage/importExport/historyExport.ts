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

/** Groups cards (in order) so that each group holds about one page of reviews. */
function batchesOf(cardIds: string[], counts: number[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  cardIds.forEach((id, i) => {
    const n = counts[i] ?? 0;
    if (current.length && size + n > PAGE) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += n;
  });
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Writes the review history sorted by card, then time. Reviews are counted per card first, then
 * read through the card-id index a page at a time (card ids start with their deck's id, so a
 * role is a key range): memory holds one page, whatever the history's size.
 */
export async function writeHistory(
  db: AppDb,
  query: HistoryQuery,
  now: number,
  out: ExportOutput,
): Promise<number> {
  return db.transaction('r', [db.logs, db.cards], async () => {
    const scope = () =>
      query.deckId === null
        ? db.logs.orderBy('cardId')
        : db.logs.where('cardId').startsWith(`${query.deckId}.`);
    const [count, cardIds] = await Promise.all([
      countInRange(db, query),
      scope().uniqueKeys() as Promise<string[]>,
    ]);
    const perCard = await Promise.all(cardIds.map((id) => db.logs.where('cardId').equals(id).count()));
    const total = perCard.reduce((a, b) => a + b, 0);
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
    for (const ids of batchesOf(cardIds, perCard)) {
      checkAborted(out.signal);
      const logs: ReviewLog[] = await db.logs
        .where('cardId')
        .between(ids[0]!, ids[ids.length - 1]!, true, true)
        .toArray();
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
