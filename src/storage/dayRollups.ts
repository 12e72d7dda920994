import type { EntityTable, Table } from 'dexie';
import type { ReviewLog } from '../domain/scheduling/types';
import { applyLog, emptyRollup, rollupKey, rollupsFromLogs, type DayRollup } from '../domain/stats/dayRollup';
import type { SettingRow } from './db';

import { ROLLUP_ROLLOVER_KEY } from './derived/keys';

export { ROLLUP_ROLLOVER_KEY };
const DEFAULT_ROLLOVER = 4;

type Tables = {
  logs: EntityTable<ReviewLog, 'id'>;
  days: Table<DayRollup, [string, number]>;
  settings: EntityTable<SettingRow, 'key'>;
};

export async function rollupRollover(settings: Tables['settings']): Promise<number> {
  const row = await settings.get(ROLLUP_ROLLOVER_KEY);
  if (typeof row?.value === 'number') return row.value;
  const stored = (await settings.get('settings'))?.value as { rolloverHour?: number } | undefined;
  return stored?.rolloverHour ?? DEFAULT_ROLLOVER;
}

/**
 * Rebuilds every rollup from the logs (schema upgrade, a new rollover hour, imported logs).
 * Call it inside a transaction that includes logs, days and settings.
 */
export async function buildRollups(
  logs: Tables['logs'],
  days: Tables['days'],
  settings: Tables['settings'],
  rolloverHour?: number,
): Promise<void> {
  const rollover = rolloverHour ?? (await rollupRollover(settings));
  const all: ReviewLog[] = [];
  await logs.each((log) => void all.push(log));
  await days.clear();
  await days.bulkPut(rollupsFromLogs(all, rollover));
  await settings.put({ key: ROLLUP_ROLLOVER_KEY, value: rollover });
}

/** Adds a review to its day (sign 1) or takes it back out (-1). Call inside the review transaction. */
export async function updateRollup(t: Tables, log: ReviewLog, sign: 1 | -1): Promise<void> {
  const rollover = await rollupRollover(t.settings);
  const { deckId, day } = rollupKey(log, rollover);
  const row = (await t.days.get([deckId, day])) ?? emptyRollup(deckId, day);
  await t.days.put(applyLog(row, log, sign));
}
