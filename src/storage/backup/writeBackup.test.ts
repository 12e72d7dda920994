import { describe, expect, it } from 'vitest';
import { DAY, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { validateBackup } from '../../domain/backup/validate';
import { parseJson } from '../../domain/import/safeJson';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { history } from '../logBlocks/fixtures';
import { refreshLogBlocks } from '../logBlocks/refreshLogBlocks';
import { freshDb } from '../testing';
import { writeBackup } from './writeBackup';

async function backupText(db: AppDb) {
  let text = '';
  await writeBackup(db, T0 + 10 * DAY, { write: (t) => (text += t), progress: () => {} });
  return text;
}

const byId = (logs: { id: string }[]) => [...logs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('backup of the review logs', () => {
  it('holds every log exactly, whether read from the log blocks or not', async () => {
    const db = await seeded(freshDb());
    await db.logs.bulkAdd(history(700, 5));
    const all = byId(await db.logs.toArray());
    const before = await backupText(db);
    await refreshLogBlocks(db);
    const after = await backupText(db);
    for (const text of [before, after]) {
      const json = parseJson(text);
      if (!json.ok) throw new Error('not JSON');
      const result = validateBackup(json.value, text);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(byId(result.value.logs)).toEqual(all);
    }
  });

  it('still holds a log the role-and-time index does not have', async () => {
    const db = await seeded(freshDb());
    const [one] = await db.logs.limit(1).toArray();
    const { review: _none, ...odd } = one!;
    await db.logs.put({ ...odd, id: 'no-time' } as ReviewLog);
    await refreshLogBlocks(db);
    const text = await backupText(db);
    expect(text).toContain('"no-time"');
    expect(text.match(/\n {2}\["/g)).toHaveLength(await db.logs.count());
  });
});
