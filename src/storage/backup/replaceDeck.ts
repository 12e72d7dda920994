import Dexie from 'dexie';
import type { BackupData } from '../../domain/backup/format';
import { toRow, type AppDb } from '../db';
import { declareBulk } from '../changeSequence';
import { buildRollups } from '../dayRollups';
import { collectDeck } from './collect';
import { writeSnapshot, type SnapshotReason } from './snapshot';

/** Removes a deck with its cards, states, reviews and the user's notes on them. Inside a transaction over those tables, `days` and `decks`. */
export async function deleteDeckRows(db: AppDb, deckId: string): Promise<void> {
  declareBulk(deckId);
  await db.notes.where('deckId').equals(deckId).delete();
  await db.cards.where('deckId').equals(deckId).delete();
  await db.states.where('deckId').equals(deckId).delete();
  await db.logs.where('[deckId+review]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
  await db.days.where('[deckId+day]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
  await db.decks.delete(deckId);
}

/**
 * Puts one deck's rows back as `data` holds them (nothing, if it holds no deck), keeping what
 * they replace as the snapshot. Inside a transaction over every table. The deck's reviews `data`
 * lacks are removed first, one by one in the change sequence, so that sync sends a record of each
 * (`undone:`): the deck itself travels to the other devices as it is put back (its re-import or
 * deletion did too), and its reviews go with it. A restore (`applyRestorePlan`) stays on this
 * device: its next sync takes the server's reviews again.
 */
export async function replaceDeck(
  db: AppDb,
  deckId: string,
  data: BackupData,
  now: number,
  reason: SnapshotReason = 'rollback',
): Promise<void> {
  const current = await collectDeck(db, deckId, now);
  await writeSnapshot(db, current, reason, { kind: 'deck', deckId });
  const kept = new Set(data.logs.map((l) => l.id));
  const removed = current.logs.filter((l) => !kept.has(l.id)).map((l) => l.id);
  if (removed.length) await db.logs.bulkDelete(removed);
  await deleteDeckRows(db, deckId);
  for (const { deck, cards } of data.decks) {
    await db.decks.put(deck);
    await db.cards.bulkPut(cards);
  }
  await db.states.bulkPut(data.states.map(toRow));
  await db.logs.bulkPut(data.logs);
  if (data.notes?.length) await db.notes.bulkPut(data.notes);
  await buildRollups(db.logs, db.days, db.meta);
}
