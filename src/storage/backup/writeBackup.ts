import Dexie from 'dexie';
import { TextHash } from '../../domain/backup/checksum';
import {
  BACKUP_LOGS_END,
  backupHead,
  backupLogChunk,
  backupTail,
  type BackupCounts,
} from '../../domain/backup/format';
import type { ReviewLog } from '../../domain/scheduling/types';
import { fromRow, type AppDb } from '../db';
import { checkAborted, PAGE, type ExportOutput } from '../importExport/output';
import { logReadTables, readLogsForExport } from '../logBlocks/readLogsForExport';
import { userDecks, userSettings } from './collect';
import { expandPulled } from '../sync/expandPulled';

const EVERYTHING = { from: null, to: null };

/** Every log, from the log blocks where they are current: one role at a time, in chunks. */
async function* logsFromBlocks(db: AppDb): AsyncGenerator<ReviewLog[]> {
  for await (const deck of readLogsForExport(db, null, EVERYTHING))
    for (let start = 0; start < deck.length; start += PAGE)
      yield Array.from({ length: Math.min(PAGE, deck.length - start) }, (_, i) => deck.log(start + i));
}

/** Every log by primary key, a page at a time. */
async function* logsById(db: AppDb): AsyncGenerator<ReviewLog[]> {
  let last: string | null = null;
  for (;;) {
    const page: ReviewLog[] =
      last === null
        ? await db.logs.orderBy(':id').limit(PAGE).toArray()
        : await db.logs.where(':id').above(last).limit(PAGE).toArray();
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]!.id;
  }
}

/**
 * Writes a full backup in chunks: the head (settings, decks, states), then the reviews a chunk at
 * a time, so a million reviews never sit in memory at once. One read transaction: the file is
 * a consistent picture even if a review is saved meanwhile (it waits until the backup is done).
 * It ends with a checksum of everything before it, which restore verifies.
 */
export async function writeBackup(db: AppDb, now: number, out: ExportOutput): Promise<BackupCounts> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  const tables = [db.decks, db.cards, db.states, db.settings, db.mocks, db.notes, ...logReadTables(db)];
  return db.transaction('r', tables, async () => {
    const [settings, decks, rows, total, indexed, mocks, notes] = await Promise.all([
      userSettings(db),
      userDecks(db),
      db.states.toArray(),
      db.logs.count(),
      db.logs.where('[deckId+review]').between([Dexie.minKey], [Dexie.maxKey]).count(),
      db.mocks.toArray(),
      db.notes.toArray(),
    ]);
    const states = rows.map(fromRow);
    // Everything but the tail goes through the checksum the tail ends with.
    const hash = new TextHash();
    const write = (text: string) => out.write((hash.update(text), text));
    write(backupHead({ createdAt: now, settings, decks, states, mocks, notes }, total));
    let done = 0;
    out.progress(0, total);
    // The blocks reach the logs through the role-and-time index; a log missing from it (the app
    // writes none) would be missing from the backup, so then every log is read by id instead.
    for await (const page of indexed === total ? logsFromBlocks(db) : logsById(db)) {
      checkAborted(out.signal);
      write(backupLogChunk(page, done === 0));
      done += page.length;
      out.progress(done, total);
    }
    write(BACKUP_LOGS_END);
    out.write(backupTail(hash.digest()));
    return {
      decks: decks.length,
      cards: decks.reduce((n, d) => n + d.cards.length, 0),
      states: states.length,
      logs: done,
    };
  });
}
