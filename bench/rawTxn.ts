import Dexie from 'dexie';
import { CardState, type ReviewLog } from '../src/domain/scheduling/types';
import { fromRow, type AppDb, type StateRow } from '../src/storage/db';
import { recordReview } from '../src/storage/reviews';

const idbDone = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });

/**
 * One review's write, `runs` times: raw IndexedDB (one readwrite transaction: put the state, add a log)
 * and the app's own recordReview (Dexie). The card's state is restored and the logs removed afterwards.
 */
export async function rawReviewTxn(db: AppDb, runs: number) {
  const row = (await db.states
    .where('[deckId+queue+due]')
    .between(
      ['synthetic-01', CardState.Review, Dexie.minKey],
      ['synthetic-01', CardState.Review, Dexie.maxKey],
    )
    .first()) as StateRow;
  const template = (await db.logs.where('cardId').equals(row.cardId).first()) as ReviewLog;
  const idb = db.backendDB();
  const raw: number[] = [];
  const dexie: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const rawLog = { ...template, id: `bench-raw-${i}`, review: Date.now() };
    const t0 = performance.now();
    const tx = idb.transaction(['states', 'logs'], 'readwrite');
    tx.objectStore('states').put({ ...row, reps: row.reps + 1 });
    tx.objectStore('logs').add(rawLog);
    await idbDone(tx);
    raw.push(performance.now() - t0);
    const appLog = { ...template, id: `bench-app-${i}`, review: Date.now() };
    const t1 = performance.now();
    await recordReview(db, { ...fromRow(row), reps: row.reps + 1 }, appLog);
    dexie.push(performance.now() - t1);
    ids.push(rawLog.id, appLog.id);
  }
  await db.transaction('rw', db.states, db.logs, async () => {
    await db.states.put(row);
    await db.logs.bulkDelete(ids);
  });
  return { raw, dexie };
}
