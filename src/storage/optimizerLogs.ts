import { sortedCardHistories, type CardHistory, type LogFields } from '../domain/optimizer/trainingItems';
import type { AppDb } from './db';
import { expandPulled } from './sync/expandPulled';
import { logReadTables, readLogsForExport } from './logBlocks/readLogsForExport';

/**
 * Every card's review history for the optimizer: one role's (`deckId`) or every role's (null),
 * read the way the history export reads it (stored monthly blocks where they are current).
 */
export async function readCardHistories(
  db: AppDb,
  deckId: string | null,
  rolloverHour: number,
): Promise<CardHistory[]> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  return db.transaction('r', logReadTables(db), async () => {
    const histories: CardHistory[] = [];
    for await (const deck of readLogsForExport(db, deckId, { from: null, to: null })) {
      const rows: LogFields[] = new Array(deck.length);
      for (let k = 0; k < deck.length; k++) rows[k] = deck.log(k);
      for (const h of sortedCardHistories(rows, rolloverHour)) histories.push(h);
    }
    return histories;
  });
}
