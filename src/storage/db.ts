import Dexie from 'dexie';
import { changeSequence } from './changeSequence';
import { floorTracking } from './floorTracking';
import { DB_NAME, type AppDb } from './schema/rows';
import { declareLatest } from './schema/latest';

export * from './schema/rows';

/**
 * The app's database with the newest version's stores and the middlewares that keep derived data,
 * but without the older versions and their upgrades: the first screen adds them only when the
 * stored database needs them (appDb.ts). Everything else opens it with openDb (openDb.ts).
 */
export function createDb(name = DB_NAME): AppDb {
  // No liveQuery anywhere: its change tracking and result cache would cost every write 3–4 ms.
  const db = new Dexie(name, { cache: 'disabled' }) as AppDb;
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.use(floorTracking);
  db.use(changeSequence);
  declareLatest(db);
  return db;
}
