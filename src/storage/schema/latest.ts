import type Dexie from 'dexie';
import type { AppDb } from './rows';

/*
 * The newest schema, whole: what a new database is created with, and all the first screen
 * declares (parsing every version's stores cost the start-up a few ms). The versions that led
 * here, and their upgrades, are declared only where an upgrade may run (upgrades.ts).
 * This must stay exactly what versions.ts's versions add up to: latest.test.ts fails otherwise.
 */

/** The newest version; Dexie stores it in IndexedDB times ten. */
export const LATEST_VERSION = 12;

type TableName = Exclude<keyof AppDb, keyof Dexie>;

/** Every table and index as the newest version has them (a table's row type is in rows.ts). */
export const LATEST_STORES: Record<TableName, string> = {
  decks: 'id',
  cards: 'id, deckId, [deckId+topic]',
  states: 'cardId, deckId, [deckId+queue+due], due',
  logs: 'id, cardId, review, [deckId+review]',
  settings: 'key',
  days: '[deckId+day]',
  snapshots: 'deckId',
  logBlocks: '[deckId+month]',
  floors: 'deckId',
  mocks: 'id, startedAt',
  notes: 'cardId, deckId',
  changeLog: 'usn',
  meta: 'key',
  pulledBlocks: 'key',
};

/** Declares the newest version alone: enough to create a database or open a current one. */
export function declareLatest(db: Dexie): void {
  db.version(LATEST_VERSION).stores(LATEST_STORES);
}
