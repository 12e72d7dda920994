import Dexie, { type EntityTable } from 'dexie';
import type { FieldMap } from '../../domain/sync/fields';
import type { SyncFailure, SyncServer } from '../../domain/sync/server';

/**
 * This device's sync setup and progress, in a database of its own: no backup, export or
 * restore reads it, so the server's password never leaves the device, and forgetting the setup
 * is deleting rows here without touching the user's data.
 */
export const SYNC_DB_NAME = 'interview-recall-sync';

export interface SyncSetup extends SyncServer {
  paused: boolean;
}

export interface SyncProgress {
  /** This device's id in the ids of the review batches it pushes. */
  deviceId: string;
  /** The sequence number of this device's next review batch. */
  nextSeq: number;
  /**
   * The change sequence number (changeSequence.ts) the last complete push covered: every review
   * written here up to it is on the server. Absent: none known yet (first sync, a restore, a
   * change log pruned past it), so the next push offers every review not `seen` after a full pull.
   */
  pushedUsn?: number;
  /**
   * The first of this device's batch numbers whose reviews are all stored here: its batches from
   * it up to `nextSeq` were written from this database, so a pull passes them over. Absent until
   * the next batch written (a new device, after a restore or a forgotten setup): earlier batches
   * may hold reviews this database has lost, and are pulled like another device's.
   */
  ownFrom?: number;
  /** Change sequence numbers above `pushedUsn` of transactions that wrote what a pull brought. */
  pulls?: number[];
  /** The server's `_changes` sequence this device has applied up to. */
  pullSince: string;
  lastSync: number | null;
  lastFailure: SyncFailure | null;
  /** The change sequence number up to which flags, suspensions and notes were offered to the server. */
  cardsUsn?: number;
  /** Roles whose card data document the changes feed showed changed, until this device merges them. */
  cardRoles?: string[];
  /**
   * The settings, optimizer parameters and decks documents (ids) the changes feed showed written
   * since this device last merged them, until it merges them; the others are not asked for.
   * Absent: not known (all wait).
   */
  fieldDocs?: string[];
}

const SETUP = 'setup';
const BASE = 'base:';
const PROGRESS = 'progress';

interface KvRow {
  key: string;
  value: unknown;
  /** On a field document's base: some of the server's values could not be stored here yet. */
  refused?: true;
}

/**
 * Reviews known to be on the server since the last complete push: those of one pushed batch, or
 * of one pulled page when the device offers everything. A row per batch or page, not per review
 * (a first push of a million reviews wrote and then deleted a million rows); `usn` is the change
 * sequence number when they became known, so a complete push up to it drops the row.
 */
export interface SeenSet {
  key?: number;
  usn: number;
  ids: string[];
}

/** A review undone on some device: never applied again here, whenever its batch arrives. */
export interface UndoneRow {
  id: string;
}

export type SyncDb = Dexie & {
  kv: EntityTable<KvRow, 'key'>;
  seenSets: EntityTable<SeenSet, 'key'>;
  undone: EntityTable<UndoneRow, 'id'>;
};

export function openSyncDb(name = SYNC_DB_NAME): SyncDb {
  const db = new Dexie(name, { cache: 'disabled' }) as SyncDb;
  db.version(1).stores({ kv: 'key', seen: 'id, review' });
  // v2: what to push is read from the change sequence, not from a window of review times (a
  // clock set back kept reviews out of it). Rows seen by time go; the next sync pulls everything
  // again, so that the first push by the new rule offers only what the server lacks.
  db.version(2)
    .stores({ seen: 'id, usn', undone: 'id' })
    .upgrade(async (tx) => {
      await tx.table('seen').clear();
      await tx
        .table('kv')
        .where('key')
        .equals(PROGRESS)
        .modify((row: KvRow) => {
          const { pushedThrough: _p, checkedUsn: _c, ...rest } = row.value as Record<string, unknown>;
          row.value = { ...rest, pullSince: '0' };
        });
    });
  // v3: reviews seen on the server are kept a set per batch or page (SeenSet), not a row each.
  db.version(3)
    .stores({ seenSets: '++key, usn' })
    .upgrade(async (tx) => {
      const byUsn = new Map<number, string[]>();
      await tx.table('seen').each((row: { id: string; usn: number }) => {
        const ids = byUsn.get(row.usn);
        if (ids) ids.push(row.id);
        else byUsn.set(row.usn, [row.id]);
      });
      await tx.table('seenSets').bulkAdd([...byUsn].map(([usn, ids]) => ({ usn, ids })));
    });
  db.version(4).stores({ seen: null });
  return db;
}

/** A field document as last merged with the server: what this device's edits are told apart from. */
export const loadFieldBase = async (db: SyncDb, docId: string): Promise<FieldMap | null> =>
  ((await db.kv.get(BASE + docId))?.value as FieldMap | undefined) ?? null;

/**
 * `refused`: some of the server's values could not be stored (syncFields.ts), so the next sync
 * merges the document again even if neither side changed it.
 */
export const saveFieldBase = (
  db: SyncDb,
  docId: string,
  fields: FieldMap,
  refused = false,
): Promise<unknown> => db.kv.put({ key: BASE + docId, value: fields, ...(refused && { refused: true }) });

/** Whether the last merge of a document stored every value the server had. */
export const fieldBaseComplete = async (db: SyncDb, docId: string): Promise<boolean> => {
  const row = await db.kv.get(BASE + docId);
  return row !== undefined && !row.refused;
};

/** The next merge of the document takes the server's values, as a first one does. */
export const forgetFieldBase = (db: SyncDb, docId: string): Promise<unknown> => db.kv.delete(BASE + docId);

export const loadSetup = async (db: SyncDb): Promise<SyncSetup | null> =>
  ((await db.kv.get(SETUP))?.value as SyncSetup | undefined) ?? null;

export const saveSetup = (db: SyncDb, setup: SyncSetup): Promise<unknown> =>
  db.kv.put({ key: SETUP, value: setup });

/** The setup and the server's progress go; the device id and its batch numbers stay, never reused. */
export async function forgetSetup(db: SyncDb): Promise<void> {
  await db.transaction('rw', db.kv, db.seenSets, db.undone, async () => {
    const progress = await loadProgress(db);
    await db.kv.delete(SETUP);
    await db.kv.where('key').startsWith(BASE).delete();
    await db.seenSets.clear();
    await db.undone.clear();
    await saveProgress(db, { ...freshProgress(progress.deviceId), nextSeq: progress.nextSeq });
  });
}

const freshProgress = (deviceId: string): SyncProgress => ({
  deviceId,
  nextSeq: 1,
  pullSince: '0',
  lastSync: null,
  lastFailure: null,
});

export async function loadProgress(db: SyncDb): Promise<SyncProgress> {
  const stored = (await db.kv.get(PROGRESS))?.value as SyncProgress | undefined;
  if (stored) return stored;
  const progress = freshProgress(crypto.randomUUID().replaceAll('-', '').slice(0, 16));
  await saveProgress(db, progress);
  return progress;
}

export const saveProgress = (db: SyncDb, progress: SyncProgress): Promise<unknown> =>
  db.kv.put({ key: PROGRESS, value: progress });

/**
 * The field documents waiting to be merged (SyncProgress.fieldDocs). Not known (a first sync, an
 * earlier app's progress, after a restore): all of `all`, recorded so from now on.
 */
export async function waitingFieldDocs(db: SyncDb, all: readonly string[]): Promise<string[]> {
  return db.transaction('rw', db.kv, async () => {
    const progress = await loadProgress(db);
    if (progress.fieldDocs) return progress.fieldDocs;
    await saveProgress(db, { ...progress, fieldDocs: [...all] });
    return [...all];
  });
}

/** The feed listed these documents as written: they wait to be merged (SyncProgress.fieldDocs). */
export async function noteFieldDocs(db: SyncDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.kv, async () => {
    const progress = await loadProgress(db);
    if (progress.fieldDocs)
      await saveProgress(db, { ...progress, fieldDocs: [...new Set([...progress.fieldDocs, ...ids])] });
  });
}

/** The document has been merged with the server's: it no longer waits (SyncProgress.fieldDocs). */
export async function fieldDocMerged(db: SyncDb, id: string): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const progress = await loadProgress(db);
    if (progress.fieldDocs?.includes(id))
      await saveProgress(db, { ...progress, fieldDocs: progress.fieldDocs.filter((d) => d !== id) });
  });
}

/** A setup changed to another server or account starts that server's progress afresh. */
export async function changeSetup(db: SyncDb, setup: SyncSetup): Promise<void> {
  const before = await loadSetup(db);
  if (!before || before.url !== setup.url || before.user !== setup.user) await forgetSetup(db);
  await saveSetup(db, setup);
}
