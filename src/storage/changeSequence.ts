import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { NOTES_STAMP } from './derived/keys';
import type { AppDb, ChangeEntry, ChangeLogRow, SequencedTable } from './schema/rows';

export type { ChangeEntry, ChangeLogRow, MetaRow, SequencedTable } from './schema/rows';

/**
 * The change sequence (Anki's update sequence number, "usn"). Every transaction that writes the
 * user's data — card states (with their flags, suspension, burial), review logs, notes — or the
 * cards they belong to takes the next number and leaves one row in `changeLog`, keyed by that
 * number, listing the rows it changed. Whoever keeps something derived from those rows (statistics
 * snapshots, log blocks, a search index, sync) remembers the number it covers and catches up by
 * reading the rows above it: a key range, with no index to keep and no tombstones in its way. No
 * writer has to remember: a DBCore middleware does it, and a write that fails takes its number
 * and row with it. The counter is the log's last key, so it is never rewritten.
 *
 * Reading "everything changed since usn N" (stable API, used by sync):
 *
 *   const { usn, changes, bulk } = await changesSince(db, N);
 *
 * `changes` holds one entry per changed row, its latest change (table, primary key, deck, the
 * number, and `deleted` when the row is gone: a tombstone); read the rows by key, in a
 * transaction that also lists `db.changeLog` if they must be exactly the ones described. `bulk`
 * lists the scopes changed wholesale (a restore: `*`; a deck deleted, replaced or rewritten in one
 * write of over BULK_ROWS rows: its id), whose rows have no entries and must be read whole.
 * Remember `usn` and ask from it next time. Rows written before the sequence existed (schema v9
 * and earlier) have no entries: a reader covering nothing yet (N = 0) starts with a full read.
 */
export const CHANGE_LOG = 'changeLog';
const META = 'meta';

const SEQUENCED: readonly string[] = ['states', 'logs', 'notes', 'cards'] satisfies SequencedTable[];

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
  turn: Promise<number>;
  /** The transaction wrote notes: the card search's stamp (NOTES_STAMP) moves to its number. */
  notes: boolean;
}

const pending = new WeakMap<DBCoreTransaction, Pending>();
/** The last number taken, read as the transaction opens: by its first write, it is at hand. */
const counters = new WeakMap<DBCoreTransaction, Promise<number>>();
const bulks = new WeakMap<DBCoreTransaction, string>();
/** How a transaction that writes reviews a pull brought lists them (declarePulled). */
const pulledWrites = new WeakMap<DBCoreTransaction, ListEntries>();

/** Adds a write's entries to its transaction's row, in some form. */
export type ListEntries = (entries: ChangeLogRow['changes']) => (row: Omit<ChangeLogRow, 'usn'>) => void;

/*
 * The counter is the change log's last key, read on the transaction itself (IndexedDB's own
 * calls, not Dexie's) as it opens, outside any Dexie zone; the log's row is written the same way,
 * needing none of Dexie's hooks. A request that fails aborts the transaction, as any would.
 */
const idb = (trans: DBCoreTransaction) => trans as unknown as IDBTransaction;

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });

/** The last number taken: the change log's last key (0 before the first). */
const readCounter = (trans: DBCoreTransaction) =>
  request(idb(trans).objectStore(CHANGE_LOG).openKeyCursor(null, 'prev')).then((cursor) =>
    typeof cursor?.key === 'number' ? cursor.key : 0,
  );

/** The transaction's record, taking the counter's next number the first time. */
function pendingOf(trans: DBCoreTransaction): Pending {
  let p = pending.get(trans);
  if (!p) {
    const usn = (counters.get(trans) ?? readCounter(trans)).then((last) => last + 1);
    p = { usn, row: { changes: [] }, changed: 0, written: 0, turn: usn, notes: false };
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

/**
 * Declares the current transaction a writer of reviews a pull brought (sync/expandPulled.ts): its
 * row says so (`pulled`), and the push never offers what it wrote. The reviews it adds are listed
 * as `list` says (by their deck-months: sync/pulledMonths.ts), not one by one: a million of them
 * were read again by every reader of the sequence (the outbox, the card-data merge) until their
 * sync covered them. `list` comes from the caller so that its code loads with it, not with the app.
 */
export function declarePulled(list: ListEntries): void {
  const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
  if (!trans) throw new Error('declarePulled must run inside a transaction');
  pulledWrites.set(trans, list);
}

/** Adds a write's changes to its transaction's row and (re)writes the row, in turn. */
function record(
  trans: DBCoreTransaction,
  table: SequencedTable,
  add: (row: Pending['row']) => void,
): Promise<unknown> {
  const p = pendingOf(trans);
  add(p.row);
  if (pulledWrites.has(trans)) p.row.pulled = true;
  const version = ++p.changed;
  const notes = table === 'notes' && !p.notes;
  p.notes ||= notes;
  p.turn = p.turn.then((usn) => {
    if (notes) idb(trans).objectStore(META).put({ key: NOTES_STAMP, value: usn });
    if (p.written >= version) return usn;
    p.written = p.changed;
    idb(trans)
      .objectStore(CHANGE_LOG)
      .put({ usn, ...p.row });
    return usn;
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

/**
 * Lists a write's changed rows, or their decks when there are very many. Reviews removed are
 * always listed, however many: sync sends a record of each (`undone:`), which needs its id.
 */
const add: ListEntries = (entries) => (row) => {
  const removedLogs = entries[0]?.table === 'logs' && entries[0].deleted === true;
  if (entries.length > BULK_ROWS && !removedLogs) addBulk(row, new Set(entries.map((e) => e.deckId)));
  else row.changes.push(...entries);
};

function sequencedTable(down: DBCore, name: SequencedTable): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    mutate: (req) => {
      const bulk = bulks.get(req.trans) ?? (req.type === 'deleteRange' ? '*' : undefined);
      if (bulk !== undefined) {
        const noted = record(req.trans, name, (row) => addBulk(row, [bulk]));
        return Promise.all([table.mutate(req), noted]).then(([res]) => res);
      }
      if (req.type !== 'delete') {
        const pulled = name === 'logs' ? pulledWrites.get(req.trans) : undefined;
        return Promise.all([
          table.mutate(req),
          record(req.trans, name, (pulled ?? add)(entriesOf(name, req, []))),
        ]).then(([res]) => res);
      }
      // A delete is recorded with the rows it removes (their deck, a log's day), read first.
      return table
        .getMany({ trans: req.trans, keys: req.keys })
        .then((before: (RowFields | undefined)[]) =>
          Promise.all([table.mutate(req), record(req.trans, name, add(entriesOf(name, req, before)))]).then(
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
    const names = down.schema.tables.map((t) => t.name);
    if (!names.includes(CHANGE_LOG) || !names.includes(META)) return down;
    return {
      ...down,
      transaction: (stores, mode, options) => {
        if (mode !== 'readwrite' || !stores.some((s) => SEQUENCED.includes(s)))
          return down.transaction(stores, mode, options);
        const trans = down.transaction([...new Set([...stores, CHANGE_LOG, META])], mode, options);
        const counter = readCounter(trans);
        counter.catch(() => undefined); // an aborted transaction that wrote nothing never asks
        counters.set(trans, counter);
        return trans;
      },
      table: (name) =>
        SEQUENCED.includes(name) ? sequencedTable(down, name as SequencedTable) : down.table(name),
    };
  },
};

/** The last number taken (0: nothing written since the sequence began). */
export async function currentUsn(db: AppDb): Promise<number> {
  const last = await db.changeLog.orderBy('usn').lastKey();
  return typeof last === 'number' ? last : 0;
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
 * The change log's rows above `since`, oldest first, through its key. Runs in the caller's
 * transaction (which must list `db.changeLog`), or a read of its own.
 */
export const changeRowsSince = (db: AppDb, since: number): Promise<ChangeLogRow[]> =>
  db.changeLog.where('usn').above(since).toArray();

/**
 * Everything changed after `since` (see the top of this file). Runs in its own read transaction,
 * or in the caller's if that lists `db.changeLog`.
 */
export async function changesSince(db: AppDb, since: number): Promise<ChangesSince> {
  const log = db.changeLog;
  return db.transaction('r', log, async () => {
    const [usn, rows] = await Promise.all([currentUsn(db), changeRowsSince(db, since)]);
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
