import { monthOf } from '../changeTracking';

export { monthOf };

/** The first millisecond of a UTC month numbered `year * 12 + month` (changeTracking.monthOf). */
export function monthStart(month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(month / 12), ((month % 12) + 12) % 12, 1);
  return d.getTime();
}

/** The `changes` row saying a deck's reviews of a month changed (the key changeTracking writes). */
export const logChangeKey = (deckId: string, month: number): string => `log:${deckId}:${month}`;

/** The `changes` row saying reviews were cleared: no block can be trusted. */
export const LOGS_CLEARED = 'log*';

/**
 * The settings key recording that every block is either current or marked in `changes` (and with
 * which block format). Absent on a database upgraded from v3: its logs have no blocks yet and no
 * `changes` rows. A `data.` key, so backups and restores leave it alone.
 */
export const BLOCKS_META_KEY = 'data.logBlocks';
export const BLOCKS_VERSION = 1;
