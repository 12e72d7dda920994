import Dexie from 'dexie';
import type { TimeRange } from '../../domain/export/revlogCsv';
import type { AppDb } from '../db';
import { DeckLogs, type LogPart } from './deckLogs';
import type { LogBlock } from './logBlock';
import { decksWithLogs, logsBetween, type TimeBound } from './logIndex';
import { BLOCKS_META_KEY, BLOCKS_VERSION, LOGS_CLEARED, monthOf, monthStart } from './logMonths';

/** What readLogsForExport reads: call it inside one read transaction over these (and the caller's own). */
export const logReadTables = (db: AppDb) => [db.logs, db.logBlocks, db.changes, db.settings];

/** Blocks are usable at all: built in this format, and no clear since (`log*`). */
async function blocksUsable(db: AppDb): Promise<boolean> {
  const [meta, cleared] = await Promise.all([db.settings.get(BLOCKS_META_KEY), db.changes.get(LOGS_CLEARED)]);
  return meta?.value === BLOCKS_VERSION && !cleared;
}

const monthOr = (t: number | null, otherwise: number) => {
  const m = t === null ? NaN : monthOf(t);
  return Number.isInteger(m) ? m : otherwise;
};

/** A deck's blocks that match the logs (no `changes` row for their month), oldest first. */
async function cleanBlocks(db: AppDb, deckId: string, range: TimeRange): Promise<LogBlock[]> {
  const [marked, keys] = await Promise.all([
    db.changes.where('[kind+deckId]').equals(['log', deckId]).toArray(),
    db.logBlocks
      .where('[deckId+month]')
      .between([deckId, monthOr(range.from, -Infinity)], [deckId, monthOr(range.to, Infinity)], true, true)
      .primaryKeys(),
  ]);
  const dirty = new Set(marked.map((r) => r.month));
  const blocks = await db.logBlocks.bulkGet(keys.filter(([, month]) => !dirty.has(month)));
  return blocks.filter((b): b is LogBlock => b !== undefined).sort((a, b) => a.month - b.month);
}

/** A deck's logs in `range`: its clean blocks, and everything between them read from `logs`. */
async function readDeck(db: AppDb, deckId: string, range: TimeRange, useBlocks: boolean): Promise<DeckLogs> {
  const blocks = useBlocks ? await cleanBlocks(db, deckId, range) : [];
  const end: TimeBound = range.to ?? Dexie.maxKey;
  const before = (t: number) => typeof end !== 'number' || t < end;
  const parts: LogPart[] = [];
  let cursor = range.from ?? -Infinity;
  for (const block of blocks) {
    const start = monthStart(block.month);
    if (cursor < start && before(cursor))
      parts.push(
        await logsBetween(db, deckId, cursor, typeof end === 'number' ? Math.min(start, end) : start),
      );
    parts.push(block);
    cursor = Math.max(cursor, monthStart(block.month + 1));
  }
  if (before(cursor)) parts.push(await logsBetween(db, deckId, cursor, end));
  return DeckLogs.sort(deckId, parts, range);
}

/**
 * The review history for export, one deck at a time, in the order of its card ids (a deck's card
 * ids all start with `<deckId>.`), each deck's logs sorted by card, time and log id. Clean blocks
 * are read whole; deck-months without one, or changed since it was built, are read from `logs`.
 * Run inside a read transaction over logReadTables: the export is then one consistent view.
 */
export async function* readLogsForExport(
  db: AppDb,
  deckId: string | null,
  range: TimeRange,
): AsyncGenerator<DeckLogs> {
  const useBlocks = await blocksUsable(db);
  const decks =
    deckId === null
      ? (await decksWithLogs(db)).sort((a, b) => (`${a}.` < `${b}.` ? -1 : `${a}.` > `${b}.` ? 1 : 0))
      : [deckId];
  for (const id of decks) {
    const logs = await readDeck(db, id, range, useBlocks);
    if (logs.length) yield logs;
  }
}
