import Dexie from 'dexie';
import type { TimeRange } from '../../domain/export/revlogCsv';
import type { AppDb } from '../db';
import { DeckLogs, type LogPart } from './deckLogs';
import type { LogBlock } from './logBlock';
import { decksWithLogs, logsBetween, type TimeBound } from './logIndex';
import { changeRowsSince } from '../changeSequence';
import { monthOf, monthsChanged, monthStart, readBlocksMeta } from './logMonths';

/** What readLogsForExport reads: call it inside one read transaction over these (and the caller's own). */
export const logReadTables = (db: AppDb) => [db.logs, db.logBlocks, db.meta, db.changeLog];

/** A deck's months whose blocks are not current (`all`: none of its blocks is). */
type NotCurrent = (deckId: string) => Set<number> | 'all';

/**
 * Which blocks are not current: all of them in another format (or none built yet); otherwise
 * the deck-months still to build and those whose reviews changed since the blocks' number.
 */
async function blocksNotCurrent(db: AppDb): Promise<NotCurrent> {
  const meta = await readBlocksMeta(db);
  if (!meta) return () => 'all';
  const { months, wholesale } = monthsChanged(await changeRowsSince(db, meta.usn));
  const byDeck = new Map<string, Set<number>>();
  for (const [deckId, month] of [...meta.pending, ...months])
    byDeck.set(deckId, (byDeck.get(deckId) ?? new Set()).add(month));
  return (deckId) =>
    wholesale.has('*') || wholesale.has(deckId) ? 'all' : (byDeck.get(deckId) ?? new Set());
}

const monthOr = (t: number | null, otherwise: number) => {
  const m = t === null ? NaN : monthOf(t);
  return Number.isInteger(m) ? m : otherwise;
};

/** A deck's blocks that match the logs (current), oldest first. */
async function cleanBlocks(
  db: AppDb,
  deckId: string,
  range: TimeRange,
  dirty: Set<number>,
): Promise<LogBlock[]> {
  const keys = await db.logBlocks
    .where('[deckId+month]')
    .between([deckId, monthOr(range.from, -Infinity)], [deckId, monthOr(range.to, Infinity)], true, true)
    .primaryKeys();
  const blocks = await db.logBlocks.bulkGet(keys.filter(([, month]) => !dirty.has(month)));
  return blocks.filter((b): b is LogBlock => b !== undefined).sort((a, b) => a.month - b.month);
}

/** A deck's logs in `range`: its clean blocks, and everything between them read from `logs`. */
async function readDeck(
  db: AppDb,
  deckId: string,
  range: TimeRange,
  notCurrent: NotCurrent,
): Promise<DeckLogs> {
  const dirty = notCurrent(deckId);
  const blocks = dirty === 'all' ? [] : await cleanBlocks(db, deckId, range, dirty);
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
 * are read whole; deck-months without one, or changed since it was built (the change sequence
 * says which), are read from `logs`.
 * Run inside a read transaction over logReadTables: the export is then one consistent view.
 */
export async function* readLogsForExport(
  db: AppDb,
  deckId: string | null,
  range: TimeRange,
): AsyncGenerator<DeckLogs> {
  const notCurrent = await blocksNotCurrent(db);
  const decks =
    deckId === null
      ? (await decksWithLogs(db)).sort((a, b) => (`${a}.` < `${b}.` ? -1 : `${a}.` > `${b}.` ? 1 : 0))
      : [deckId];
  for (const id of decks) {
    const logs = await readDeck(db, id, range, notCurrent);
    if (logs.length) yield logs;
  }
}
