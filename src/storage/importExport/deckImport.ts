import { hashString } from '../../domain/deck/hash';
import type { Deck } from '../../domain/deck/schema';
import { planDeckSync, type SyncPlan } from '../../domain/deck/syncPlan';
import { isUserDeckId } from '../../domain/import/userDeck';
import { roleSettings } from '../../domain/settings/settings';
import type { AppDb } from '../db';
import { writePlan } from '../deckSync';
import { collectDeck } from '../backup/collect';
import { deleteDeckRows } from '../backup/replaceDeck';
import { writeSnapshot } from '../backup/snapshot';
import { loadSettings, saveSettings } from '../settings';
import { expandPulled } from '../sync/expandPulled';

export interface DeckImportPreview {
  deckId: string;
  /** The deck exists: this import updates it. */
  updates: boolean;
  cards: number;
  added: number;
  changed: number;
  /** Cards already here: their progress is kept. */
  kept: number;
  /** Cards here that the file no longer has: retired, their history kept. */
  retired: number;
}

async function planFor(db: AppDb, deck: Deck): Promise<{ plan: SyncPlan; preview: DeckImportPreview }> {
  if (!isUserDeckId(deck.id)) throw new Error(`"${deck.id}" is not an imported deck's id`);
  const existing = await db.cards.where('deckId').equals(deck.id).toArray();
  const withState = new Set(await db.states.where('deckId').equals(deck.id).primaryKeys());
  const plan = planDeckSync(
    deck,
    hashString(JSON.stringify(deck)),
    'user',
    existing.map((c) => ({ id: c.id, hash: c.hash, retired: c.retired, position: c.position })),
    (id) => withState.has(id),
  );
  const stored = new Set(existing.map((c) => c.id));
  const added = deck.cards.filter((c) => !stored.has(c.id)).length;
  const preview: DeckImportPreview = {
    deckId: deck.id,
    updates: existing.length > 0,
    cards: deck.cards.length,
    added,
    changed: plan.putCards.filter((c) => stored.has(c.id)).length,
    kept: deck.cards.length - added,
    retired: plan.retire.length,
  };
  return { plan, preview };
}

export async function previewDeckImport(db: AppDb, deck: Deck): Promise<DeckImportPreview> {
  return db.transaction('r', db.cards, db.states, async () => (await planFor(db, deck)).preview);
}

/**
 * Imports a validated user deck in one transaction. A new deck is added; an existing one is
 * updated like a built-in deck sync (progress kept for unchanged ids, removed cards retired),
 * after a snapshot of the deck as it was. Optionally switches the role on for the daily review.
 */
export async function importDeck(
  db: AppDb,
  deck: Deck,
  options: { enable: boolean; now: number },
): Promise<DeckImportPreview> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  return db.transaction('rw', [db.decks, db.cards, db.states, db.logs, db.settings, db.notes], async () => {
    const current = await db.decks.get(deck.id);
    const { plan, preview } = await planFor(db, deck);
    const changes = current?.hash !== plan.deck.hash;
    if (current && changes) {
      await writeSnapshot(db, await collectDeck(db, deck.id, options.now), 'import', {
        kind: 'deck',
        deckId: deck.id,
      });
      plan.deck.version = Math.max(deck.version, current.version + 1);
    }
    if (changes) await writePlan(db, plan);
    if (options.enable) {
      const settings = await loadSettings(db);
      const role = { ...roleSettings(settings, deck.id), enabled: true };
      await saveSettings(db, { ...settings, roles: { ...settings.roles, [deck.id]: role } });
    }
    return preview;
  });
}

/** Deletes an imported deck with its progress and reviews, after a snapshot to roll back to. */
export async function deleteUserDeck(db: AppDb, deckId: string, now: number): Promise<void> {
  if (!isUserDeckId(deckId)) throw new Error(`"${deckId}" is a built-in deck`);
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  const tables = [db.decks, db.cards, db.states, db.logs, db.settings, db.days, db.notes];
  await db.transaction('rw', tables, async () => {
    await writeSnapshot(db, await collectDeck(db, deckId, now), 'deleteDeck', { kind: 'deck', deckId });
    await deleteDeckRows(db, deckId);
  });
}
