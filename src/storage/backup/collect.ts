import Dexie from 'dexie';
import type { BackupData, UserDeckData } from '../../domain/backup/format';
import { isInternalKey } from '../../domain/backup/format';
import type { CardMeta } from '../../domain/backup/plan';
import { dropInvalidSettings } from '../../domain/settings/schema';
import { fromRow, type AppDb } from '../db';

/**
 * Every setting the user owns (all keys but the app's own `data.*` bookkeeping). Values stored
 * out of bounds before there were bounds are left out, as the app reads them: restore refuses them.
 */
export async function userSettings(db: AppDb): Promise<Record<string, unknown>> {
  const rows = await db.settings.toArray();
  return Object.fromEntries(
    rows
      .filter((r) => !isInternalKey(r.key))
      .map((r) => [r.key, r.key === 'settings' ? dropInvalidSettings(r.value) : r.value]),
  );
}

export async function userDecks(db: AppDb): Promise<UserDeckData[]> {
  const decks = (await db.decks.toArray()).filter((d) => d.source === 'user');
  return Promise.all(
    decks.map(async (deck) => ({
      deck,
      cards: await db.cards.where('deckId').equals(deck.id).sortBy('position'),
    })),
  );
}

/** Everything a full backup or snapshot holds. Call inside a transaction for a consistent picture. */
export async function collectAll(db: AppDb, now: number): Promise<BackupData> {
  const [settings, decks, states, logs, mocks, notes] = await Promise.all([
    userSettings(db),
    userDecks(db),
    db.states.toArray(),
    db.logs.toArray(),
    db.mocks.toArray(),
    db.notes.toArray(),
  ]);
  return {
    createdAt: now,
    settings,
    decks,
    states: states.map(fromRow),
    logs,
    ...(mocks.length ? { mocks } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/** One deck's part of the data: what an import or a deletion of that deck replaces. */
export async function collectDeck(db: AppDb, deckId: string, now: number): Promise<BackupData> {
  const [deck, cards, states, logs, notes] = await Promise.all([
    db.decks.get(deckId),
    db.cards.where('deckId').equals(deckId).sortBy('position'),
    db.states.where('deckId').equals(deckId).toArray(),
    db.logs.where('[deckId+review]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray(),
    db.notes.where('deckId').equals(deckId).toArray(),
  ]);
  return {
    createdAt: now,
    settings: {},
    decks: deck ? [{ deck, cards }] : [],
    states: states.map(fromRow),
    logs,
    ...(notes.length ? { notes } : {}),
  };
}

/** Built-in cards as restore sees them: they stay whatever the file says. */
export async function builtinCardMeta(db: AppDb): Promise<CardMeta[]> {
  const builtin = (await db.decks.toArray()).filter((d) => d.source !== 'user').map((d) => d.id);
  const cards = await db.cards.where('deckId').anyOf(builtin).toArray();
  return cards.map((c) => ({ id: c.id, deckId: c.deckId, position: c.position, retired: c.retired }));
}
