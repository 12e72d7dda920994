import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * A DBCore middleware that keeps the table `kept` in step with writes to the `watched` tables:
 * every read-write transaction over one of them also takes in `kept`, and `wrap` wraps their
 * tables to write it. A schema without `kept` (an older version, mid-upgrade) is left alone.
 */
export function writeTracker(
  name: string,
  kept: string,
  watched: readonly string[],
  wrap: (down: DBCore, table: DBCoreTable) => DBCoreTable,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => {
      if (!down.schema.tables.some((t) => t.name === kept)) return down;
      return {
        ...down,
        transaction: (stores, mode, options) =>
          down.transaction(
            mode === 'readwrite' && stores.some((s) => watched.includes(s)) && !stores.includes(kept)
              ? [...stores, kept]
              : stores,
            mode,
            options,
          ),
        table: (table) => (watched.includes(table) ? wrap(down, down.table(table)) : down.table(table)),
      };
    },
  };
}
