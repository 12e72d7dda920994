import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { AppDb } from './db';

/**
 * The change sequence (Anki's update sequence number, "usn"): one counter, and every write to the
 * user's data — card states (with their flags, suspension, burial), review logs, notes — and to the
 * cards they belong to takes the counter's next number in its own transaction and leaves one row in
 * `changeLog`, keyed by that number, listing the rows it changed. Whoever keeps something derived from those
 * rows (statistics snapshots, log blocks, a search index, sync) remembers the number it covers and
 * catches up by reading the rows above it (a key range: no index to keep, no tombstones in it). No writer has to remember:
 * a DBCore middleware does it, and a write that fails takes its number and entries with it.
 *
 * Reading "everything changed since usn N" (stable API, used by sync):
 *
 *   const { usn, changes, bulk } = await changesSince(db, N);
 *
 * inside a transaction that also reads the rows (so they are the ones the entries describe), or
 * on its own and then reading the rows by key. `changes` holds one entry per changed row (its
 * table, primary key, deck, and `deleted` when the row is gone: a tombstone); `bulk` lists the
 * scopes that changed wholesale (a restore: `'*'`; a deck deleted or replaced: its id), whose rows
 * have no entries of their own and must be read whole. Remember `usn` and ask from it next time.
 * Rows written before the sequence existed (schema v9 and earlier) have no entries: a reader that
 * covers nothing yet (N = 0) starts with a full read.
 */
export const CHANGE_LOG = 'changeLog';
/** One row per transaction, keyed by its number. */
export const CHANGE_LOG_SCHEMA = 'usn';
/** The app's own bookkeeping, one row per name (here: the counter, under `usn`). */
export const META = 'meta';
const USN_KEY = 'usn';

export type SequencedTable = 'states' | 'logs' | 'notes' | 'cards';
const SEQUENCED: readonly string[] = ['states', 'logs', 'notes', 'cards'] satisfies SequencedTable[];

export interface ChangeEntry {
  table: SequencedTable;
  /** The changed row's primary key (a card id for states, notes and cards; a log id for logs). */
  key: string;
  /** The number of the transaction that last changed it. */
  usn: number;
  deckId: string;
  /** Logs: when the review was (its month's log block changed). */
  review?: number;
  /** The row was deleted. */
  deleted?: true;
}

/** What one transaction changed. */
export interface ChangeLogRow {
  usn: number;
  changes: Omit<ChangeEntry, 'usn'>[];
  /** Scopes changed wholesale, whose rows are not listed: deck ids, or `*` for every deck. */
  bulk?: string[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

interface RowFields {
  id?: string;
  cardId?: string;
  deckId?: string;
  review?: number;
}

/** A transaction's number and the row it is building (rewritten as its writes arrive). */
interface Pending {
  usn: Promise<number>;
  row: Omit<ChangeLogRow, 'usn'>;
  changed: number;
  written: number;
  turn: Promise<unknown>;
}

const pending = new WeakMap<DBCoreTransaction, Pending>();
const bulks = new WeakMap<DBCoreTransaction, string>();

/** The transaction's record, taking the counter's next number the first time. */
function pendingOf(down: DBCore, trans: DBCoreTransaction): Pending {
  let p = pending.get(trans);
  if (!p) {
    const meta = down.table(META);
    const usn = meta.get({ trans, key: USN_KEY }).then(async (row: MetaRow | undefined) => {
      const next = (typeof row?.value === 'number' ? row.value : 0) + 1;
      await meta.mutate({ type: 'put', trans, values: [{ key: USN_KEY, value: next }] });
      return next;
    });
    p = { usn, row: { changes: [] }, changed: 0, written: 0, turn: usn };
    pending.set(trans, p);
  }
  return p;
}

function entriesOf(
  table: SequencedTable,
  req: DBCoreMutateRequest,
  before: readonly (RowFields | undefined)[],
): ChangeLogRow['changes'] {
  const deleted = req.type === 'delete';
  const rows = req.type === 'add' || req.type === 'put' ? (req.values as RowFields[]) : before;
  const out: ChangeLogRow['changes'] = [];
  for (const r of rows) {
    if (!r) continue;
    const key = table === 'logs' || table === 'cards' ? r.id! : r.cardId!;
    const entry: ChangeLogRow['changes'][number] = { table, key, deckId: r.deckId ?? '' };
    if (table === 'logs') entry.review = r.review;
    if (deleted) entry.deleted = true;
    out.push(entry);
  }
  return out;
}

/**
 * Declares the current transaction a wholesale change of one deck (or of all, `*`): its writes
 * are recorded as that scope, not row by row. Restore, deck deletion and deck replacement call
 * this, inside their transaction, before they write: the one place they say so.
 */
export function declareBulk(scope: string): void {
  const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
  if (!trans) throw new Error('declareBulk must run inside a transaction');
  const held = bulks.get(trans);
  bulks.set(trans, held === undefined || held === scope ? scope : '*');
}

/** Adds a write's changes to its transaction's row and (re)writes the row, in turn. */
function record(
  down: DBCore,
  trans: DBCoreTransaction,
  add: (row: Pending['row']) => void,
): Promise<unknown> {
  const p = pendingOf(down, trans);
  add(p.row);
  const version = ++p.changed;
  p.turn = p.turn.then(async () => {
    if (p.written >= version) return;
    p.written = p.changed;
    const values = [{ usn: await p.usn, ...p.row }];
    await down.table(CHANGE_LOG).mutate({ type: 'put', trans, values });
  });
  return p.turn;
}

/** Above this many rows in one write, their decks are recorded as changed wholesale. */
export const BULK_ROWS = 1000;

const addBulk = (row: Pending['row'], scopes: Iterable<string>) => {
  const held = new Set(row.bulk);
  for (const s of scopes) held.add(s);
  row.bulk = [...held];
};

/** Lists a write's changed rows, or their decks when there are very many. */
const add = (entries: ChangeLogRow['changes']) => (row: Pending['row']) => {
  if (entries.length > BULK_ROWS) addBulk(row, new Set(entries.map((e) => e.deckId)));
  else row.changes.push(...entries);
};

function sequencedTable(down: DBCore, name: SequencedTable): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    mutate: (req) => {
      const bulk = bulks.get(req.trans) ?? (req.type === 'deleteRange' ? '*' : undefined);
      if (bulk !== undefined) {
        const noted = record(down, req.trans, (row) => addBulk(row, [bulk]));
        return Promise.all([table.mutate(req), noted]).then(([res]) => res);
      }
      if (req.type !== 'delete')
        return Promise.all([table.mutate(req), record(down, req.trans, add(entriesOf(name, req, [])))]).then(
          ([res]) => res,
        );
      // A delete is recorded with the rows it removes (their deck, a log's day), read first.
      return table
        .getMany({ trans: req.trans, keys: req.keys })
        .then((before: (RowFields | undefined)[]) =>
          Promise.all([table.mutate(req), record(down, req.trans, add(entriesOf(name, req, before)))]).then(
            ([res]) => res,
          ),
        );
    },
  };
}

/** Records every write to the sequenced tables (see the top of this file). */
export const changeSequence: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'change-sequence',
  create: (down) => {
    if (!down.schema.tables.some((t) => t.name === CHANGE_LOG)) return down;
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.some((s) => SEQUENCED.includes(s))
            ? [...new Set([...stores, CHANGE_LOG, META])]
            : stores,
          mode,
          options,
        ),
      table: (name) =>
        SEQUENCED.includes(name) ? sequencedTable(down, name as SequencedTable) : down.table(name),
    };
  },
};

/** The last number taken (0: nothing written since the sequence began). */
export async function currentUsn(db: AppDb): Promise<number> {
  const row = await db.table<MetaRow>(META).get(USN_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export interface ChangesSince {
  /** The number these changes bring the reader up to: ask from it next time. */
  usn: number;
  /** One entry per row changed after `since` (its latest change), in the order of their numbers. */
  changes: ChangeEntry[];
  /** Scopes changed wholesale after `since`: deck ids, or `*` for everything. */
  bulk: string[];
}

/**
 * Everything changed after `since` (see the top of this file). Runs in its own read transaction,
 * or in the caller's if that lists `db.changeLog` and `db.meta`.
 */
export async function changesSince(db: AppDb, since: number): Promise<ChangesSince> {
  const log = db.table<ChangeLogRow, number>(CHANGE_LOG);
  return db.transaction('r', [log, db.table(META)], async () => {
    const [usn, rows] = await Promise.all([currentUsn(db), log.where('usn').above(since).toArray()]);
    const latest = new Map<string, ChangeEntry>();
    const bulk = new Set<string>();
    for (const row of rows) {
      for (const b of row.bulk ?? []) bulk.add(b);
      for (const change of row.changes) {
        const id = `${change.table}\u0000${change.key}`;
        latest.delete(id);
        latest.set(id, { ...change, usn: row.usn });
      }
    }
    return { usn, changes: [...latest.values()], bulk: [...bulk] };
  });
}
