import Dexie from 'dexie';
import { changeSequence } from './changeSequence';
import { floorTracking } from './floorTracking';
import { DB_NAME, type AppDb } from './schema/rows';
import { defineSchema } from './schema/versions';

export * from './schema/rows';
export { defineSchema };

/** Opens the app's database: the schema's versions and the middlewares that keep derived data. */
export function openDb(name = DB_NAME): AppDb {
  // No liveQuery anywhere: its change tracking and result cache would cost every write 3–4 ms.
  const db = new Dexie(name, { cache: 'disabled' }) as AppDb;
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.use(floorTracking);
  db.use(changeSequence);
  defineSchema(db);
  return db;
}
