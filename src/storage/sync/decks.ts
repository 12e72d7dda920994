import type { Scheduler } from '../../domain/scheduling/scheduler';
import { planDeckSync } from '../../domain/deck/syncPlan';
import type { Deck } from '../../domain/deck/schema';
import { deckToJson } from '../../domain/export/deckExport';
import { isUserDeckId } from '../../domain/import/userDeck';
import { replayCard } from '../../domain/sync/replay';
import { fromRow, toRow, type AppDb } from '../db';
import { writePlan } from '../deckSync';
import { deleteUserDeck } from '../importExport/deckImport';
import { logsByCard } from '../../domain/scheduling/logsByCard';

/** The imported decks here, each by the hash of its content. */
export async function userDeckHashes(db: AppDb): Promise<Map<string, string>> {
  const decks = await db.decks.toArray();
  return new Map(decks.filter((d) => isUserDeckId(d.id)).map((d) => [d.id, d.hash]));
}

/** An imported deck as the deck file it would export to; null when it is not here. */
export async function userDeckContent(db: AppDb, deckId: string): Promise<Deck | null> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) return null;
    return deckToJson(deck, await db.cards.where('deckId').equals(deckId).toArray());
  });
}

/**
 * Stores a deck as another device imported it (content `hash` there), in one transaction, like an
 * import here: progress kept for cards it already has, cards it no longer holds retired. Cards
 * whose reviews arrived before the deck (kept without a state) get the state their reviews replay
 * to. Returns the cards whose state that replay set.
 */
export async function storeSyncedDeck(
  db: AppDb,
  deck: Deck,
  hash: string,
  scheduler: Scheduler,
): Promise<string[]> {
  if (!isUserDeckId(deck.id)) throw new Error(`"${deck.id}" is not an imported deck's id`);
  return db.transaction('rw', [db.decks, db.cards, db.states, db.logs, db.settings], async () => {
    const current = await db.decks.get(deck.id);
    if (current?.hash === hash) return [];
    const [existing, withState] = await Promise.all([
      db.cards.where('deckId').equals(deck.id).toArray(),
      db.states.where('deckId').equals(deck.id).primaryKeys(),
    ]);
    const has = new Set(withState);
    const plan = planDeckSync(
      deck,
      hash,
      'user',
      existing.map((c) => ({ id: c.id, hash: c.hash, retired: c.retired, position: c.position })),
      (id) => has.has(id),
    );
    await writePlan(db, plan);
    const fresh = plan.newStates.map((s) => s.cardId);
    if (fresh.length === 0) return [];
    const logs = await db.logs.where('cardId').anyOf(fresh).toArray();
    const byCard = logsByCard(logs);
    if (byCard.size === 0) return [];
    const rows = await db.states.bulkGet([...byCard.keys()]);
    const replayed = rows.flatMap((row) =>
      row ? [toRow(replayCard(fromRow(row), byCard.get(row.cardId)!, scheduler))] : [],
    );
    await db.states.bulkPut(replayed);
    return replayed.map((s) => s.cardId);
  });
}

/** Deletes an imported deck another device deleted, as a deletion here does (after a snapshot). */
export async function deleteSyncedDeck(db: AppDb, deckId: string, now: number): Promise<void> {
  if (await db.decks.get(deckId)) await deleteUserDeck(db, deckId, now);
}
