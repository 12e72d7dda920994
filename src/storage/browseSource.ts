import type { CardNote } from '../domain/cards/note';
import type { CardRecord, DeckRecord } from '../domain/deck/records';
import type { SchedState } from '../domain/scheduling/types';
import type { AppDb } from './db';
import { notesStamp } from './notes';
import { loadSnapshots } from './snapshots/loadSnapshots';

/** What the card browser reads: decks (to see which changed), one deck's cards, notes, states. */
export const browseDecks = (db: AppDb): Promise<DeckRecord[]> => db.decks.toArray();

export const browseDeckCards = (db: AppDb, deckId: string): Promise<CardRecord[]> =>
  db.cards.where('deckId').equals(deckId).toArray();

export async function browseNotes(db: AppDb): Promise<{ stamp: number; notes: CardNote[] }> {
  const [stamp, notes] = await Promise.all([notesStamp(db), db.notes.toArray()]);
  return { stamp, notes };
}

export { notesStamp };

/** Every card's state, from the per-role snapshots (one record per role, not 100,000). */
export async function browseStates(db: AppDb): Promise<SchedState[]> {
  const byDeck = await loadSnapshots(db, null);
  const out: SchedState[] = [];
  for (const entries of byDeck.values()) for (const e of entries) out.push(e.state);
  return out;
}
