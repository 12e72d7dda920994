import { changeRowsSince, currentUsn, type ChangeLogRow } from '../changeSequence';
import type { AppDb } from '../db';
import { decksWithLogs, logsBetweenPaged, monthsWithLogs, throwIfAborted } from './logIndex';
import {
  BLOCKS_VERSION,
  LOG_BLOCKS_META,
  monthOf,
  monthsChanged,
  monthStart,
  readBlocksMeta,
  type BlocksMeta,
  type DeckMonth,
} from './logMonths';
import { packLogs } from './packLogs';

export interface RefreshOptions {
  signal?: AbortSignal;
  /** Deck-months done of those to do. */
  progress?: (done: number, total: number) => void;
  /** Logs read per transaction (default 500): a review waits at most for one page (~35 ms at Chromium's ~70 µs a log through an index). */
  page?: number;
}

export interface RefreshResult {
  /** Blocks written or deleted. */
  rebuilt: number;
  /** Deck-months left to build because they changed while being read (the next refresh takes them). */
  changedMeanwhile: number;
}

/** Every deck-month with reviews or a block, of the given decks (null: all), through the indexes. */
export async function allMonths(db: AppDb, deckIds: readonly string[] | null): Promise<DeckMonth[]> {
  const out: DeckMonth[] = [];
  for (const deckId of deckIds ?? (await decksWithLogs(db)))
    for (const month of await monthsWithLogs(db, deckId)) out.push([deckId, month]);
  const blocks = await db.logBlocks.toCollection().primaryKeys();
  for (const key of blocks) if (deckIds === null || deckIds.includes(key[0])) out.push(key);
  return out;
}

const same = (a: DeckMonth) => (b: DeckMonth) => a[0] === b[0] && a[1] === b[1];

/**
 * Takes what the change sequence shows since the blocks' number into their list of deck-months
 * to build, and moves the number on. Everything is read in one read transaction (walking the
 * index for a deck changed wholesale may take a while, and must not hold up a review); it is
 * written only if no other refresh moved the bookkeeping meanwhile. Returns the list to build.
 */
async function takeChanges(db: AppDb): Promise<BlocksMeta | null> {
  const seen = await db.transaction('r', [db.meta, db.changeLog, db.logs, db.logBlocks], async () => {
    const [meta, usn] = await Promise.all([readBlocksMeta(db), currentUsn(db)]);
    const rows = meta ? await changeRowsSince(db, meta.usn) : null;
    if (meta && rows!.length === 0) return { meta, next: meta };
    const { months, wholesale } = rows ? monthsChanged(rows) : { months: [], wholesale: new Set(['*']) };
    const rebuild = wholesale.size ? await allMonths(db, wholesale.has('*') ? null : [...wholesale]) : [];
    const pending: DeckMonth[] = [];
    for (const m of [...(meta?.pending ?? []), ...months, ...rebuild])
      if (!pending.some(same(m))) pending.push(m);
    return { meta, next: { format: BLOCKS_VERSION, usn, pending } };
  });
  if (seen.next === seen.meta) return seen.meta;
  return db.transaction('rw', db.meta, async () => {
    const now = await readBlocksMeta(db);
    if (now?.usn !== seen.meta?.usn) return null; // another refresh took them
    await db.meta.put({ key: LOG_BLOCKS_META, value: seen.next });
    return seen.next;
  });
}

const touches = (row: ChangeLogRow, [deckId, month]: DeckMonth) =>
  (row.bulk ?? []).some((b) => b === '*' || b === deckId) ||
  (row.pulledMonths ?? []).some((m) => m[0] === deckId && m[1] === month) ||
  row.changes.some((c) => c.table === 'logs' && c.deckId === deckId && monthOf(c.review ?? NaN) === month);

/**
 * Rebuilds one deck-month from the logs. The logs are read in pages, outside the write; the block
 * is written only if no change to that month came after the number read before the first page,
 * and then the month leaves the list. Otherwise nothing is written and it stays for the next refresh.
 */
async function rebuildMonth(
  db: AppDb,
  target: DeckMonth,
  page: number,
  signal?: AbortSignal,
): Promise<'rebuilt' | 'changed' | 'done elsewhere'> {
  const [deckId, month] = target;
  const from = await currentUsn(db);
  const logs = Number.isInteger(month)
    ? await logsBetweenPaged(db, deckId, monthStart(month), monthStart(month + 1), page, signal)
    : [];
  // A month that does not pack (a malformed log) gets no block: readers read it from `logs`.
  const block = logs.length ? packLogs(deckId, month, logs) : null;
  return db.transaction('rw', [db.logBlocks, db.meta, db.changeLog], async () => {
    const meta = await readBlocksMeta(db);
    if (!meta?.pending.some(same(target))) return 'done elsewhere'; // by a refresh in another tab
    if ((await changeRowsSince(db, from)).some((row) => touches(row, target))) return 'changed';
    if (Number.isInteger(month)) {
      if (block) await db.logBlocks.put(block);
      else await db.logBlocks.delete([deckId, month]);
    }
    const pending = meta.pending.filter((m) => !same(target)(m));
    await db.meta.put({ key: LOG_BLOCKS_META, value: { ...meta, pending } });
    return 'rebuilt';
  });
}

/**
 * Brings `logBlocks` up to date with `logs`: every deck-month whose reviews changed since the
 * blocks' change sequence number is rebuilt (or its block deleted when it has no reviews left),
 * one short transaction at a time. After a wholesale change (a restore, a deck deleted), a new
 * format, or on a database that never had blocks, every deck-month concerned is rebuilt. Safe to
 * run from several tabs at once, to cancel (`signal`; what is done stays done) and to repeat:
 * with nothing changed it writes nothing.
 */
export async function refreshLogBlocks(db: AppDb, options: RefreshOptions = {}): Promise<RefreshResult> {
  const { signal, progress, page = 500 } = options;
  const result: RefreshResult = { rebuilt: 0, changedMeanwhile: 0 };
  throwIfAborted(signal);
  const meta = await takeChanges(db);
  if (!meta) return result;
  // Oldest months first, so a cancelled first build leaves finished history behind it.
  const todo = [...meta.pending].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  for (const [i, target] of todo.entries()) {
    throwIfAborted(signal);
    progress?.(i, todo.length);
    const outcome = await rebuildMonth(db, target, page, signal);
    if (outcome === 'rebuilt') result.rebuilt++;
    if (outcome === 'changed') result.changedMeanwhile++;
  }
  progress?.(todo.length, todo.length);
  return result;
}
