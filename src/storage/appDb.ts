import { createDb, DB_NAME, type AppDb } from './db';
import { LATEST_VERSION } from './schema/latest';

/**
 * The main thread's database. The older versions of the schema and their upgrades are code a
 * returning user almost never runs, so they are not part of the first download: prepareUpgrades
 * adds them before the database opens, when the stored one is older (or when the browser cannot tell).
 * Workers open the database only after boot has, and with openDb, upgrades included.
 */
export const createAppDb = (name = DB_NAME): AppDb => createDb(name);

export async function prepareUpgrades(db: AppDb): Promise<void> {
  if (!(await mayNeedUpgrade(db.name))) return;
  const { attachUpgrades } = await import('./schema/upgrades');
  attachUpgrades(db);
}

async function mayNeedUpgrade(name: string): Promise<boolean> {
  try {
    const stored = (await indexedDB.databases()).find((d) => d.name === name);
    // None yet: it is created at the newest version, and no upgrade runs.
    return stored !== undefined && (stored.version ?? 0) < LATEST_VERSION * 10;
  } catch {
    return true;
  }
}
