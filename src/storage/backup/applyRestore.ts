import type { RestorePlan } from '../../domain/backup/plan';
import { isInternalKey } from '../../domain/backup/format';
import { toRow, type AppDb } from '../db';
import { declareBulk } from '../changeSequence';
import { buildRollups } from '../dayRollups';

const CHUNK = 10_000;

export type Progress = (done: number, total: number) => void;

function* chunksOf<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Writes a restore plan. Must run inside a transaction over every table, so it all happens or none. */
export async function applyRestorePlan(
  db: AppDb,
  plan: RestorePlan,
  progress: Progress = () => {},
): Promise<void> {
  declareBulk('*');
  if (plan.clear) {
    const userDeckIds = (await db.decks.toArray()).filter((d) => d.source === 'user').map((d) => d.id);
    await db.cards.where('deckId').anyOf(userDeckIds).delete();
    await db.decks.bulkDelete(userDeckIds);
    await db.states.clear();
    await db.logs.clear();
    await db.mocks.clear();
    await db.notes.clear();
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
  const report = (n: number) => progress((done += n), total);
  // Loops here, not an async helper: an awaited helper that writes nothing (an empty part of the
  // plan) hands back a plain promise, behind which Dexie can lose track of the transaction, and the
  // writes after it would then commit on their own.
  for (const cards of chunksOf(plan.putCards)) {
    await db.cards.bulkPut(cards);
    report(cards.length);
  }
  for (const states of chunksOf(plan.putStates)) {
    await db.states.bulkPut(states.map(toRow));
    report(states.length);
  }
  for (const logs of chunksOf(plan.addLogs)) {
    await db.logs.bulkAdd(logs);
    report(logs.length);
  }
  const here = plan.clear ? new Set() : new Set(await db.mocks.toCollection().primaryKeys());
  await db.mocks.bulkPut(plan.putMocks.filter((m) => !here.has(m.id)));
  const noted = plan.clear ? new Set() : new Set(await db.notes.toCollection().primaryKeys());
  await db.notes.bulkPut(plan.putNotes.filter((n) => !noted.has(n.cardId)));
  // The day rollups are derived from the logs: rebuilt in the same transaction.
  await buildRollups(db.logs, db.days, db.meta);
}
