import Dexie from 'dexie';
import { historyJsonChunk, historyJsonHead, historyJsonTail } from '../../domain/export/historyJson';
import { REVLOG_HEADER, type TimeRange } from '../../domain/export/revlogCsv';
import { formatField } from '../../domain/import/delimited';
import { DAY_MS } from '../../domain/time/reviewDay';
import type { AppDb } from '../db';
import type { DeckLogs } from '../logBlocks/deckLogs';
import { logReadTables, readLogsForExport } from '../logBlocks/readLogsForExport';
import { checkAborted, PAGE, type ExportOutput } from './output';
import { expandPulled } from '../sync/expandPulled';

export interface HistoryQuery {
  /** One role's reviews, or every role's (null). */
  deckId: string | null;
  range: TimeRange;
  format: 'csv' | 'json';
}

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

/** The exact count, for the JSON head (it comes before the reviews). */
function countInRange(db: AppDb, { deckId, range }: HistoryQuery): Promise<number> {
  const from = range.from ?? MIN;
  const to = range.to ?? MAX;
  return deckId === null
    ? db.logs.where('review').between(from, to, true, false).count()
    : db.logs.where('[deckId+review]').between([deckId, from], [deckId, to], true, false).count();
}

/** About how many reviews there are, for progress, from the day rollups: counting logs reads them all. */
async function estimateCount(db: AppDb, { deckId, range }: HistoryQuery): Promise<number> {
  const days =
    deckId === null
      ? db.days.toCollection()
      : db.days.where('[deckId+day]').between([deckId, MIN], [deckId, MAX], true, true);
  const first = range.from === null ? -Infinity : Math.floor(range.from / DAY_MS) - 1;
  const last = range.to === null ? Infinity : Math.floor(range.to / DAY_MS) + 1;
  let n = 0;
  await days.each((row) => {
    if (row.day >= first && row.day <= last) n += row.count;
  });
  return n;
}

/** Export positions [start, end) in chunks of whole cards, at most `page` logs unless one card has more. */
function* cardChunks(deck: DeckLogs, page: number): Generator<[number, number]> {
  let start = 0;
  let k = 0;
  while (k < deck.length) {
    const card = deck.cardId(k);
    let end = k + 1;
    while (end < deck.length && deck.cardId(end) === card) end++;
    if (end - start > page && k > start) {
      yield [start, k];
      start = k;
    }
    k = end;
  }
  if (start < deck.length) yield [start, deck.length];
}

function csvChunk(deck: DeckLogs, start: number, end: number): string {
  let out = '';
  let card = '';
  let field = '';
  for (let k = start; k < end; k++) {
    const id = deck.cardId(k);
    if (id !== card) {
      card = id;
      field = formatField(id, ',');
    }
    out += deck.csvRow(k, field);
  }
  return out;
}

async function jsonChunk(db: AppDb, deck: DeckLogs, start: number, end: number, first: boolean) {
  const logs = Array.from({ length: end - start }, (_, i) => deck.log(start + i));
  const cards = await db.cards.bulkGet([...new Set(logs.map((l) => l.cardId))]);
  const topics = new Map(cards.flatMap((c) => (c ? [[c.id, c.topic] as const] : [])));
  return historyJsonChunk(logs, (id) => topics.get(id) ?? null, first);
}

/**
 * Writes the review history sorted by card, then time, one role at a time (card ids start with
 * their role's id) from the log blocks where they are current (readLogsForExport), in chunks of
 * whole cards: memory holds one role's logs. One read transaction: a consistent picture.
 */
export async function writeHistory(
  db: AppDb,
  query: HistoryQuery,
  now: number,
  out: ExportOutput,
): Promise<number> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  const json = query.format === 'json';
  return db.transaction('r', [...logReadTables(db), db.cards, db.days, db.mocks, db.notes], async () => {
    checkAborted(out.signal);
    // Rollups would be cheaper, but logs written without them (an import, a seeded database) would
    // leave the progress bar at 0 of 0: the count is exact (about 1 s per million reviews).
    const estimate = json ? 0 : await estimateCount(db, query);
    const total = estimate > 0 ? estimate : await countInRange(db, query);
    out.write(
      json
        ? historyJsonHead({ exportedAt: now, deckId: query.deckId, range: query.range, count: total })
        : REVLOG_HEADER,
    );
    out.progress(0, total);
    let written = 0;
    for await (const deck of readLogsForExport(db, query.deckId, query.range)) {
      for (const [start, end] of cardChunks(deck, PAGE)) {
        checkAborted(out.signal);
        out.write(json ? await jsonChunk(db, deck, start, end, written === 0) : csvChunk(deck, start, end));
        written += end - start;
        out.progress(written, Math.max(total, written));
      }
    }
    if (json) {
      const notes = query.deckId ? db.notes.where('deckId').equals(query.deckId) : db.notes.toCollection();
      out.write(historyJsonTail(await db.mocks.toArray(), query.deckId, query.range, await notes.toArray()));
    }
    if (written !== total) out.progress(written, written);
    return written;
  });
}
