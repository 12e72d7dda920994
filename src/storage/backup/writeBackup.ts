import { BACKUP_TAIL, backupHead, backupLogChunk, type BackupCounts } from '../../domain/backup/format';
import type { ReviewLog } from '../../domain/scheduling/types';
import { fromRow, type AppDb } from '../db';
import { checkAborted, PAGE, type ExportOutput } from '../importExport/output';
import { userDecks, userSettings } from './collect';

/**
 * Writes a full backup in chunks: the head (settings, decks, states), then the reviews a page at
 * a time, so a million reviews never sit in memory at once. One read transaction: the file is
 * a consistent picture even if a review is saved meanwhile (it waits until the backup is done).
 */
export async function writeBackup(db: AppDb, now: number, out: ExportOutput): Promise<BackupCounts> {
  return db.transaction('r', [db.decks, db.cards, db.states, db.logs, db.settings], async () => {
    const [settings, decks, rows, total] = await Promise.all([
      userSettings(db),
      userDecks(db),
      db.states.toArray(),
      db.logs.count(),
    ]);
    const states = rows.map(fromRow);
    out.write(backupHead({ createdAt: now, settings, decks, states }, total));
    let done = 0;
    let last: string | null = null;
    out.progress(0, total);
    for (;;) {
      checkAborted(out.signal);
      const page: ReviewLog[] =
        last === null
          ? await db.logs.orderBy(':id').limit(PAGE).toArray()
          : await db.logs.where(':id').above(last).limit(PAGE).toArray();
      if (page.length === 0) break;
      out.write(backupLogChunk(page, done === 0));
      done += page.length;
      last = page[page.length - 1]!.id;
      out.progress(done, total);
    }
    out.write(BACKUP_TAIL);
    return {
      decks: decks.length,
      cards: decks.reduce((n, d) => n + d.cards.length, 0),
      states: states.length,
      logs: done,
    };
  });
}
