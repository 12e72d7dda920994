export { BLOCKS_META_KEY, logChangeKey, LOGS_CLEARED, monthOf } from '../derived/keys';

/** The first millisecond of a UTC month numbered `year * 12 + month` (derived/keys.ts monthOf). */
export function monthStart(month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(month / 12), ((month % 12) + 12) % 12, 1);
  return d.getTime();
}

/**
 * The block format, recorded under BLOCKS_META_KEY with the promise that every block is either
 * current or marked in `changes`. Absent on a database upgraded from v3: its logs have no blocks
 * yet and no `changes` rows.
 */
export const BLOCKS_VERSION = 1;
