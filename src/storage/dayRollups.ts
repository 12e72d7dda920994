import type { EntityTable, Table } from 'dexie';
import type { ReviewLog } from '../domain/scheduling/types';
import { applyLog, emptyRollup, rollupKey, rollupsFromLogs, type DayRollup } from '../domain/stats/dayRollup';
import type { MetaRow } from './db';
import { ROLLOVER_META } from './derived/keys';

export { ROLLOVER_META };
/** The settings' default rollover hour: what a new database's (empty) rollups are built with. */
export const DEFAULT_ROLLOVER = 4;

type Tables = {
  logs: EntityTable<ReviewLog, 'id'>;
  days: Table<DayRollup, [string, number]>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** The rollover hour the rollups were built with (schema v11 records it in every database). */
export async function rollupRollover(meta: Tables['meta']): Promise<number> {
  const row = await meta.get(ROLLOVER_META);
  return typeof row?.value === 'number' ? row.value : DEFAULT_ROLLOVER;
}

/**
 * Rebuilds every rollup from the logs (a new rollover hour, imported logs).
 * Call it inside a transaction that includes logs, days and meta.
 */
export async function buildRollups(
  logs: Tables['logs'],
  days: Tables['days'],
  meta: Tables['meta'],
  rolloverHour?: number,
): Promise<void> {
  const rollover = rolloverHour ?? (await rollupRollover(meta));
  const all: ReviewLog[] = [];
  await logs.each((log) => void all.push(log));
  await days.clear();
  await days.bulkPut(rollupsFromLogs(all, rollover));
  await meta.put({ key: ROLLOVER_META, value: rollover });
}

/** Adds a review to its day (sign 1) or takes it back out (-1). Call inside the review transaction. */
export async function updateRollup(t: Tables, log: ReviewLog, sign: 1 | -1): Promise<void> {
  const rollover = await rollupRollover(t.meta);
  const { deckId, day } = rollupKey(log, rollover);
  const row = (await t.days.get([deckId, day])) ?? emptyRollup(deckId, day);
  await t.days.put(applyLog(row, log, sign));
}
