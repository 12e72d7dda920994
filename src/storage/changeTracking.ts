import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { ALL_CARDS, cardsKey, logChangeKey, monthOf } from './derived/keys';
import { inTurn } from './transactionTurns';
import { writeTracker } from './writeTracker';

/**
 * Change tracking for derived data (the statistics' per-role state snapshots, the export's log
 * blocks). Every write to `states`, `cards` or `logs` also marks what it touched in `changes`, in
 * the same transaction, so a derived copy can never miss a change: no writer has to remember.
 *
 * Rows, keyed so that marking the same thing twice is one row:
 * - `cards:<deckId>` (kind `card`): the deck's cards in `cardIds` changed; no `cardIds`: so many
 *   changed (a bulk write) that the deck is rebuilt;
 * - `card*` (kind `card`, deck `*`): cards changed whose deck is unknown (a clear): rebuild all;
 * - `log:<deckId>:<month>` (kind `log`): the deck's reviews of that UTC month changed;
 * - `log*` (kind `log`, deck `*`): reviews were cleared: rebuild all.
 *
 * Card marks are one row per deck, read by key, never one row per card: readers would have to
 * range-scan them, and Chromium's LevelDB keeps every deleted row as a tombstone until it compacts,
 * so a scan over a table that marks and clears thousands of rows a day slows to hundreds of ms.
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
  /** For `cards:<deckId>` rows: the changed cards; absent: the whole deck. */
  cardIds?: string[];
  /** UTC months since year 0 (`year * 12 + month`), for `log` rows. */
  month?: number;
}

/** Above this many changed cards, a deck is marked whole instead of card by card. */
export const BULK_CARDS = 500;

export { ALL_CARDS, cardsKey, monthOf };

const stamp = () => Math.random();

interface Tracked {
  deckId: string;
  cardId?: string;
  review?: number;
}

/** Changed card ids by deck (`null`: too many, the whole deck). */
type CardMarks = Map<string, string[] | null>;

function cardMarks(rows: Tracked[], idOf: (r: Tracked) => string): CardMarks {
  const byDeck: CardMarks = new Map();
  for (const r of rows) {
    const ids = byDeck.has(r.deckId) ? byDeck.get(r.deckId)! : [];
    if (ids === null) continue;
    ids.push(idOf(r));
    byDeck.set(r.deckId, ids.length > BULK_CARDS ? null : ids);
  }
  return byDeck;
}

/** The deck rows with `marks` merged into what they already held. */
function mergeCardMarks(marks: CardMarks, held: readonly (ChangeRow | undefined)[]): ChangeRow[] {
  return [...marks].map(([deckId, ids], i) => {
    const before = held[i];
    const row: ChangeRow = { key: cardsKey(deckId), kind: 'card', deckId, stamp: stamp() };
    if (ids === null || (before && !before.cardIds)) return row;
    const merged = new Set([...(before?.cardIds ?? []), ...ids]);
    return merged.size > BULK_CARDS ? row : { ...row, cardIds: [...merged] };
  });
}

function logRows(rows: Tracked[]): ChangeRow[] {
  const out = new Map<string, ChangeRow>();
  for (const r of rows) {
    const month = monthOf(r.review ?? 0);
    const key = logChangeKey(r.deckId, month);
    if (!out.has(key)) out.set(key, { key, kind: 'log', deckId: r.deckId, month, stamp: stamp() });
  }
  return [...out.values()];
}

const TRACKED: Record<string, 'card' | 'log'> = { states: 'card', cards: 'card', logs: 'log' };

/** What a write to `table` touched (`before`: the rows a delete removed). */
export function changesOf(
  table: string,
  req: DBCoreMutateRequest,
  before: readonly (Tracked | undefined)[],
): { rows: ChangeRow[]; cards?: CardMarks } {
  const kind = TRACKED[table];
  if (!kind) return { rows: [] };
  if (req.type === 'deleteRange') return { rows: [{ key: `${kind}*`, kind, deckId: '*', stamp: stamp() }] };
  const rows = (req.type === 'delete' ? before : (req.values as Tracked[])).filter(
    (r): r is Tracked => r !== undefined,
  );
  if (kind === 'log') return { rows: logRows(rows) };
  return {
    rows: [],
    cards: cardMarks(rows, (r) => (table === 'cards' ? (r as { id: string } & Tracked).id : r.cardId!)),
  };
}

function putCardMarks(changes: DBCoreTable, trans: DBCoreTransaction, marks: CardMarks): Promise<unknown> {
  const keys = [...marks.keys()].map(cardsKey);
  return inTurn(trans, async () => {
    const held = (await changes.getMany({ trans, keys })) as (ChangeRow | undefined)[];
    return changes.mutate({ type: 'put', trans, values: mergeCardMarks(marks, held) });
  });
}

/**
 * The write and its marks are issued together, not one after the other: IndexedDB runs a
 * transaction's requests in order anyway, and every round trip waited for is time the user waits.
 */
function trackedTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const mark = (req: DBCoreMutateRequest, before: unknown[]) => {
    const { rows, cards } = changesOf(table.name, req, before as (Tracked | undefined)[]);
    const changes = down.table(CHANGES);
    return Promise.all([
      rows.length > 0 && changes.mutate({ type: 'put', trans: req.trans, values: rows }),
      cards && cards.size > 0 && putCardMarks(changes, req.trans, cards),
    ]);
  };
  return {
    ...table,
    mutate: (req) => {
      // A delete is marked by the deck of what it removes, so that is read first.
      const before =
        req.type === 'delete' ? table.getMany({ trans: req.trans, keys: req.keys }) : Promise.resolve([]);
      return before.then((rows: unknown[]) =>
        Promise.all([table.mutate(req), mark(req, rows)]).then(([res]) => res),
      );
    },
  };
}

export const changeTracking = writeTracker('change-tracking', CHANGES, Object.keys(TRACKED), trackedTable);
