import { describe, expect, it } from 'vitest';
import { freshDb } from '../testing';
import { DERIVED, RECORD_TABLES } from './registry';

describe('derived data', () => {
  it('every table of the schema is a record table or a derived one, never both', async () => {
    const db = freshDb();
    await db.open();
    const tables = db.tables.map((t) => t.name).sort();
    const records: readonly string[] = RECORD_TABLES;
    const derived = DERIVED.map((d) => d.table);
    expect(derived.filter((t) => records.includes(t))).toEqual([]);
    expect([...records, ...derived].sort()).toEqual(tables);
    db.close();
  });
});
