import { createDb, DB_NAME, type AppDb } from './db';
import { attachUpgrades } from './schema/upgrades';

export { defineSchema } from './schema/upgrades';

/**
 * Opens the app's database with every version and its upgrade: workers, tests and tools. (The
 * main thread's first screen adds them only when they are needed: appDb.ts.)
 */
export function openDb(name = DB_NAME): AppDb {
  const db = createDb(name);
  attachUpgrades(db);
  return db;
}
