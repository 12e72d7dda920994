import Dexie from 'dexie';
import type { ChangeRow } from '../changeTracking';
import type { AppDb } from '../db';
import { decksWithLogs, monthsWithLogs } from './logIndex';
import { BLOCKS_META_KEY, BLOCKS_VERSION, LOGS_CLEARED, logChangeKey } from './logMonths';

/**
 * Marks every deck-month in `changes` — those with reviews and those with a block — so that the
 * ordinary refresh rebuilds them all: after a clear (`log*`), or on a database that never had
 * blocks (upgraded from v3, or a refresh of a new format). Then `log*` goes and the meta key says
 * the marks cover everything. Finds the months through the index, reading no log.
 *
 * Marks that already exist get new stamps too: a refresh elsewhere that read a month before the
 * clear then fails its stamp check instead of writing what it read. Returns false when a clear
 * happened while this looked (nothing is settled; try again).
 */
export async function markAllMonths(db: AppDb): Promise<boolean> {
  const seen = await db.transaction('r', [db.logs, db.logBlocks, db.changes], async () => {
    const cleared = await db.changes.get(LOGS_CLEARED);
    const months: [string, number][] = [];
    for (const deckId of await decksWithLogs(db))
      for (const month of await monthsWithLogs(db, deckId)) months.push([deckId, month]);
    const blocks = await db.logBlocks.toCollection().primaryKeys();
    return { stamp: cleared?.stamp, months: [...months, ...blocks] };
  });
  return db.transaction('rw', [db.changes, db.settings], async () => {
    const cleared = await db.changes.get(LOGS_CLEARED);
    if (cleared?.stamp !== seen.stamp) return false;
    const marked = await db.changes
      .where('[kind+deckId]')
      .between(['log', Dexie.minKey], ['log', Dexie.maxKey])
      .filter((r) => r.month !== undefined)
      .toArray();
    const rows = new Map<string, ChangeRow>();
    for (const [deckId, month] of seen.months) {
      const key = logChangeKey(deckId, month);
      rows.set(key, { key, kind: 'log', deckId, month, stamp: Math.random() });
    }
    for (const row of marked) rows.set(row.key, { ...row, stamp: Math.random() });
    await db.changes.bulkPut([...rows.values()]);
    if (cleared) await db.changes.delete(LOGS_CLEARED);
    await db.settings.put({ key: BLOCKS_META_KEY, value: BLOCKS_VERSION });
    return true;
  });
}
