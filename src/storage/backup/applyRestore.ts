import type { RestorePlan } from '../../domain/backup/plan';
import { isInternalKey } from '../../domain/backup/format';
import { toRow, type AppDb } from '../db';
import { buildRollups } from '../dayRollups';

const CHUNK = 10_000;

export type Progress = (done: number, total: number) => void;

/** Writes a restore plan. Must run inside a transaction over every table, so it all happens or none. */
export async function applyRestorePlan(
  db: AppDb,
  plan: RestorePlan,
  progress: Progress = () => {},
): Promise<void> {
  if (plan.clear) {
    const userDeckIds = (await db.decks.toArray()).filter((d) => d.source === 'user').map((d) => d.id);
    await db.cards.where('deckId').anyOf(userDeckIds).delete();
    await db.decks.bulkDelete(userDeckIds);
    await db.states.clear();
    await db.logs.clear();
    const keys = (await db.settings.toCollection().primaryKeys()).filter((k) => !isInternalKey(k));
    await db.settings.bulkDelete(keys);
  }
  if (plan.settings) {
    await db.settings.bulkPut(
      Object.entries(plan.settings)
        .filter(([key]) => !isInternalKey(key))
        .map(([key, value]) => ({ key, value })),
    );
  }
  await db.decks.bulkPut(plan.putDecks);
  const total = plan.putCards.length + plan.putStates.length + plan.addLogs.length;
  let done = 0;
  const inChunks = async <T>(items: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      await write(chunk);
      done += chunk.length;
      progress(done, total);
    }
  };
  await inChunks(plan.putCards, (c) => db.cards.bulkPut(c));
  await inChunks(plan.putStates, (s) => db.states.bulkPut(s.map(toRow)));
  await inChunks(plan.addLogs, (l) => db.logs.bulkAdd(l));
  // The day rollups are derived from the logs: rebuilt in the same transaction.
  await buildRollups(db.logs, db.days, db.settings);
}
