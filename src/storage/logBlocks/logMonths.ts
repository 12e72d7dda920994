import type { ChangeLogRow } from '../changeSequence';
import { LOG_BLOCKS_META, monthOf } from '../derived/keys';
import type { AppDb } from '../db';

export { LOG_BLOCKS_META, monthOf };

/** The first millisecond of a UTC month numbered `year * 12 + month` (derived/keys.ts monthOf). */
export function monthStart(month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(month / 12), ((month % 12) + 12) % 12, 1);
  return d.getTime();
}

/**
 * The block format. A stored format other than this one (or none: a database that never had
 * blocks) means every deck-month is built again.
 */
export const BLOCKS_VERSION = 1;

export type DeckMonth = [deckId: string, month: number];

/**
 * The log blocks' bookkeeping, one row in `meta`: every block is current as of change sequence
 * number `usn`, except the deck-months in `pending` (built in turn by refreshLogBlocks). A
 * deck-month whose logs changed after `usn` is not current either.
 */
export interface BlocksMeta {
  format: number;
  usn: number;
  pending: DeckMonth[];
}

export async function readBlocksMeta(db: AppDb): Promise<BlocksMeta | undefined> {
  const meta = (await db.meta.get(LOG_BLOCKS_META))?.value as BlocksMeta | undefined;
  return meta?.format === BLOCKS_VERSION ? meta : undefined;
}

/**
 * What the change log rows say about the blocks: the deck-months whose reviews changed, and the
 * decks changed wholesale (`*`: every deck), whose every month must be built again.
 */
export function monthsChanged(rows: readonly ChangeLogRow[]): {
  months: DeckMonth[];
  wholesale: Set<string>;
} {
  const months: DeckMonth[] = [];
  const wholesale = new Set<string>();
  for (const row of rows) {
    for (const b of row.bulk ?? []) wholesale.add(b);
    for (const m of row.pulledMonths ?? []) months.push([m[0], m[1]]);
    for (const c of row.changes)
      if (c.table === 'logs' && c.review !== undefined) months.push([c.deckId, monthOf(c.review)]);
  }
  return { months, wholesale };
}
