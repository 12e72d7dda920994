import Dexie from 'dexie';
import type { ChangeRow } from '../changeTracking';
import type { AppDb } from '../db';
import { logsBetweenPaged, throwIfAborted } from './logIndex';
import { BLOCKS_META_KEY, BLOCKS_VERSION, LOGS_CLEARED, monthStart } from './logMonths';
import { markAllMonths } from './markAllMonths';
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
  /** Deck-months left marked because they changed while being read (the next refresh takes them). */
  changedMeanwhile: number;
}

type LogChange = ChangeRow & { month: number };

const dirtyMonths = (db: AppDb): Promise<LogChange[]> =>
  db.changes
    .where('[kind+deckId]')
    .between(['log', Dexie.minKey], ['log', Dexie.maxKey])
    .filter((r): r is LogChange => r.month !== undefined)
    .toArray();

/**
 * Rebuilds one deck-month from the logs. The logs are read in pages, outside the write; the block
 * is written only if the month's `changes` row still has the stamp read before the first page (no
 * review of that month was written or undone meanwhile) and no clear happened: then the row is
 * deleted with the same write. Otherwise nothing is written and the row stays for the next refresh.
 */
async function rebuildMonth(
  db: AppDb,
  row: LogChange,
  page: number,
  signal?: AbortSignal,
): Promise<'rebuilt' | 'changed' | 'done elsewhere'> {
  const before = await db.changes.get(row.key);
  if (!before) return 'done elsewhere'; // by a refresh in another tab
  const { deckId, month } = row;
  const logs = Number.isInteger(month)
    ? await logsBetweenPaged(db, deckId, monthStart(month), monthStart(month + 1), page, signal)
    : [];
  // A month that does not pack (a malformed log) gets no block: readers read it from `logs`.
  const block = logs.length ? packLogs(deckId, month, logs) : null;
  return db.transaction('rw', [db.logBlocks, db.changes], async () => {
    const [now, cleared] = await Promise.all([db.changes.get(row.key), db.changes.get(LOGS_CLEARED)]);
    if (now?.stamp !== before.stamp || cleared) return 'changed';
    if (Number.isInteger(month)) {
      if (block) await db.logBlocks.put(block);
      else await db.logBlocks.delete([deckId, month]);
    }
    await db.changes.delete(row.key);
    return 'rebuilt';
  });
}

/**
 * Brings `logBlocks` up to date with `logs`: every deck-month marked in `changes` is rebuilt (or its
 * block deleted when it has no reviews left), one short transaction at a time. After a clear, or on
 * a database that never had blocks, every deck-month is marked first. Safe to run from several tabs
 * at once, to cancel (`signal`; what is done stays done) and to repeat: with nothing marked it
 * writes nothing.
 */
export async function refreshLogBlocks(db: AppDb, options: RefreshOptions = {}): Promise<RefreshResult> {
  const { signal, progress, page = 500 } = options;
  const result: RefreshResult = { rebuilt: 0, changedMeanwhile: 0 };
  throwIfAborted(signal);
  const [meta, cleared] = await db.transaction('r', [db.settings, db.changes], () =>
    Promise.all([db.settings.get(BLOCKS_META_KEY), db.changes.get(LOGS_CLEARED)]),
  );
  if (meta?.value !== BLOCKS_VERSION || cleared) {
    // A clear again while marking: retry a few times, then leave it to the next refresh.
    let marked = false;
    for (let attempt = 0; attempt < 3 && !marked; attempt++) marked = await markAllMonths(db);
    if (!marked) return result;
  }
  const rows = await dirtyMonths(db);
  // Oldest months first, so a cancelled first build leaves finished history behind it.
  rows.sort((a, b) => a.month - b.month || (a.deckId < b.deckId ? -1 : 1));
  for (const [i, row] of rows.entries()) {
    throwIfAborted(signal);
    progress?.(i, rows.length);
    const outcome = await rebuildMonth(db, row, page, signal);
    if (outcome === 'rebuilt') result.rebuilt++;
    if (outcome === 'changed') result.changedMeanwhile++;
  }
  progress?.(rows.length, rows.length);
  return result;
}
