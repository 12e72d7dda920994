import type { BackupData } from '../../domain/backup/format';
import {
  planRestore,
  type CurrentData,
  type RestoreMode,
  type RestoreSummary,
} from '../../domain/backup/plan';
import { fromRow, type AppDb } from '../db';
import { applyRestorePlan, type Progress } from './applyRestore';
import { builtinCardMeta, collectAll } from './collect';
import { replaceDeck } from './replaceDeck';
import { readSnapshot, writeSnapshot } from './snapshot';
import { expandPulled } from '../sync/expandPulled';

const allTables = (db: AppDb) => [
  db.decks,
  db.cards,
  db.states,
  db.logs,
  db.settings,
  db.days,
  db.mocks,
  db.notes,
  db.meta,
];

async function currentFrom(db: AppDb, data: BackupData): Promise<CurrentData> {
  return {
    builtinCards: await builtinCardMeta(db),
    userDecks: data.decks.map((d) => d.deck),
    userCards: data.decks.flatMap((d) =>
      d.cards.map((c) => ({ id: c.id, deckId: c.deckId, position: c.position, retired: c.retired })),
    ),
    states: data.states,
    logIds: new Set(data.logs.map((l) => l.id)),
  };
}

/** What each way of restoring would do, read without writing anything. */
export async function previewRestore(
  db: AppDb,
  backup: BackupData,
): Promise<Record<RestoreMode, RestoreSummary>> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  return db.transaction('r', allTables(db), async () => {
    const decks = (await db.decks.toArray()).filter((d) => d.source === 'user');
    const userCards = await db.cards
      .where('deckId')
      .anyOf(decks.map((d) => d.id))
      .toArray();
    const current: CurrentData = {
      builtinCards: await builtinCardMeta(db),
      userDecks: decks,
      userCards,
      states: (await db.states.toArray()).map(fromRow),
      logIds: new Set(await db.logs.toCollection().primaryKeys()),
    };
    return {
      replace: planRestore('replace', backup, current).summary,
      merge: planRestore('merge', backup, current).summary,
    };
  });
}

/**
 * Restores a validated backup in one transaction: the current data is kept as a snapshot, then
 * replaced by (or merged with) the file. If anything fails, nothing at all has changed.
 */
export async function restoreBackup(
  db: AppDb,
  backup: BackupData,
  mode: RestoreMode,
  now: number,
  progress?: Progress,
): Promise<RestoreSummary> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  return db.transaction('rw', allTables(db), async () => {
    const before = await collectAll(db, now);
    const plan = planRestore(mode, backup, await currentFrom(db, before));
    await writeSnapshot(db, before, 'restore', { kind: 'all' });
    await applyRestorePlan(db, plan, progress);
    return plan.summary;
  });
}

/**
 * Puts back what the last snapshot holds, in one transaction, and keeps what it replaces as the
 * new snapshot: rolling back can itself be rolled back.
 */
export async function rollBack(db: AppDb, now: number): Promise<void> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  await db.transaction('rw', allTables(db), async () => {
    const snapshot = await readSnapshot(db);
    if (!snapshot) throw new Error('There is no snapshot to roll back to.');
    const { info, data } = snapshot;
    if (info.scope.kind === 'all') {
      const before = await collectAll(db, now);
      const plan = planRestore('replace', data, await currentFrom(db, before));
      await writeSnapshot(db, before, 'rollback', info.scope);
      await applyRestorePlan(db, plan);
      return;
    }
    await replaceDeck(db, info.scope.deckId, data, now);
  });
}
