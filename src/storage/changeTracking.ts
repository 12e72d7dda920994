import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/**
 * Change tracking for derived data (the statistics' per-role state snapshots, the export's log
 * blocks). Every write to `states`, `cards` or `logs` also marks what it touched in `changes`, in
 * the same transaction, so a derived copy can never miss a change: no writer has to remember.
 *
 * Rows, keyed so that marking the same thing twice is one row:
 * - `card:<cardId>` (kind `card`): that card's state or content changed;
 * - `card*:<deckId>` (kind `card`): many cards of the deck changed (a bulk write): rebuild it;
 * - `card*` (kind `card`, deck `*`): cards changed whose deck is unknown (a clear): rebuild all;
 * - `log:<deckId>:<month>` (kind `log`): the deck's reviews of that UTC month changed;
 * - `log*` (kind `log`, deck `*`): reviews were cleared: rebuild all.
 *
 * `stamp` is new on every write, so a reader that applied a change deletes the row only if no
 * later write re-marked it (compare-and-delete).
 */
export const CHANGES = 'changes';

export interface ChangeRow {
  key: string;
  kind: 'card' | 'log';
  /** `*`: every deck. */
  deckId: string;
  stamp: number;
  cardId?: string;
  /** UTC months since year 0 (`year * 12 + month`), for `log` rows. */
  month?: number;
}

/** Above this many cards of one deck in one write, the deck is marked whole instead of card by card. */
export const BULK_CARDS = 200;

export const monthOf = (epochMs: number): number => {
  const d = new Date(epochMs);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

const stamp = () => Math.random();

interface Tracked {
  deckId: string;
  cardId?: string;
  review?: number;
}

function cardRows(rows: Tracked[], keyOf: (r: Tracked) => string): ChangeRow[] {
  const byDeck = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byDeck.get(r.deckId) ?? [];
    ids.push(keyOf(r));
    byDeck.set(r.deckId, ids);
  }
  const out: ChangeRow[] = [];
  for (const [deckId, ids] of byDeck) {
    if (ids.length > BULK_CARDS) out.push({ key: `card*:${deckId}`, kind: 'card', deckId, stamp: stamp() });
    else
      for (const cardId of ids)
        out.push({ key: `card:${cardId}`, kind: 'card', deckId, cardId, stamp: stamp() });
  }
  return out;
}

function logRows(rows: Tracked[]): ChangeRow[] {
  const out = new Map<string, ChangeRow>();
  for (const r of rows) {
    const month = monthOf(r.review ?? 0);
    const key = `log:${r.deckId}:${month}`;
    if (!out.has(key)) out.set(key, { key, kind: 'log', deckId: r.deckId, month, stamp: stamp() });
  }
  return [...out.values()];
}

const TRACKED: Record<string, 'card' | 'log'> = { states: 'card', cards: 'card', logs: 'log' };

/** The rows marking what a write to `table` touched (`before`: the rows a delete removed). */
export function changeRows(
  table: string,
  req: DBCoreMutateRequest,
  before: readonly (Tracked | undefined)[],
): ChangeRow[] {
  const kind = TRACKED[table];
  if (!kind) return [];
  if (req.type === 'deleteRange') return [{ key: `${kind}*`, kind, deckId: '*', stamp: stamp() }];
  const rows = (req.type === 'delete' ? before : (req.values as Tracked[])).filter(
    (r): r is Tracked => r !== undefined,
  );
  if (kind === 'log') return logRows(rows);
  return cardRows(rows, (r) => (table === 'cards' ? (r as { id: string } & Tracked).id : r.cardId!));
}

function trackedTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) => {
      const removed =
        req.type === 'delete'
          ? table.getMany({ trans: req.trans, keys: req.keys })
          : Promise.resolve([] as unknown[]);
      return removed.then((before: unknown[]) =>
        table.mutate(req).then((res) => {
          const values = changeRows(table.name, req, before as (Tracked | undefined)[]);
          if (values.length === 0) return res;
          return down
            .table(CHANGES)
            .mutate({ type: 'put', trans: req.trans, values })
            .then(() => res);
        }),
      );
    },
  };
}

export const changeTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'change-tracking',
  create: (down) => {
    // Older schema versions (an upgrade in progress) have no `changes` table: nothing to track.
    if (!down.schema.tables.some((t) => t.name === CHANGES)) return down;
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.some((s) => s in TRACKED) && !stores.includes(CHANGES)
            ? [...stores, CHANGES]
            : stores,
          mode,
          options,
        ),
      table: (name) => (name in TRACKED ? trackedTable(down, down.table(name)) : down.table(name)),
    };
  },
};
