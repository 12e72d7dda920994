import { describe, expect, it } from 'vitest';
import { builtinFiles, DAY, fingerprint, review, seeded, T0 } from '../../../tests/fixtures/data/seed';
import type { MockInterview } from '../../domain/mock/mockInterview';
import { validateBackup } from '../../domain/backup/validate';
import { parseJson } from '../../domain/import/safeJson';
import { syncDecks } from '../deckSync';
import type { AppDb } from '../db';
import { countWrites, failWrites, freshDb } from '../testing';
import { restoreBackup } from './restore';
import { snapshotInfo } from './snapshot';
import { writeBackup } from './writeBackup';

async function backupOf(db: AppDb) {
  let text = '';
  const progress: number[] = [];
  const counts = await writeBackup(db, T0 + 10 * DAY, {
    write: (t) => (text += t),
    progress: (d) => progress.push(d),
  });
  const json = parseJson(text);
  if (!json.ok) throw new Error(JSON.stringify(json.problem));
  const result = validateBackup(json.value, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { text, counts, progress, data: result.value };
}

/** A new device, or this one after the browser cleared the site: only the built-in decks. */
async function wiped() {
  const db = freshDb();
  await syncDecks(db, builtinFiles());
  return db;
}

describe('backup and restore', () => {
  it('round trip: backup, wipe, restore gives identical decks, cards, states, logs and settings', async () => {
    const db = await seeded(freshDb());
    const { counts, progress, data } = await backupOf(db);
    expect(counts).toEqual({ decks: 1, cards: 2, states: 11, logs: 12 });
    expect(progress.at(-1)).toBe(12);

    const fresh = await wiped();
    expect(await fingerprint(fresh)).not.toEqual(await fingerprint(db));
    await restoreBackup(fresh, data, 'replace', T0 + 11 * DAY);
    expect(await fingerprint(fresh)).toEqual(await fingerprint(db));
  });

  it('carries mock interviews: restored on replace, added on merge, and rolled back with the snapshot', async () => {
    const db = await seeded(freshDb());
    const mock: MockInterview = {
      id: 'm1',
      startedAt: T0 + DAY,
      finishedAt: T0 + DAY + 600_000,
      seed: 7,
      roles: ['rag'],
      questions: [{ cardId: 'rag.y', deckId: 'rag', topic: 't', limitMs: 120_000 }],
      answers: [
        {
          cardId: 'rag.y',
          deckId: 'rag',
          topic: 't',
          ticked: [0, 2],
          total: 3,
          timeMs: 61_000,
          limitMs: 120_000,
          followUp: 'partly',
          logId: null,
        },
      ],
      countAsReviews: false,
    };
    await db.mocks.put(mock);
    const { text, data } = await backupOf(db);
    expect(text).toContain('"mocks": [');
    expect(data.mocks).toEqual([mock]);

    const replaced = await wiped();
    await replaced.mocks.put({ ...mock, id: 'other' });
    await restoreBackup(replaced, data, 'replace', T0 + 11 * DAY);
    expect(await replaced.mocks.toArray()).toEqual([mock]);

    const merged = await wiped();
    await merged.mocks.put({ ...mock, id: 'other' });
    await restoreBackup(merged, data, 'merge', T0 + 11 * DAY);
    expect((await merged.mocks.toArray()).map((m) => m.id).sort()).toEqual(['m1', 'other']);

    // Edited by hand (the checksum removed, which a restore accepts): the mock is still checked.
    const broken = text
      .replace('"followUp":"partly"', '"followUp":"maybe"')
      .replace(/,\n "checksum": "[^"]*"/, '');
    const json = parseJson(broken);
    expect(json.ok && validateBackup(json.value, broken)).toMatchObject({
      ok: false,
      problems: [{ field: 'mocks.0.answers.0.followUp' }],
    });
  });

  it('restoring replaces what was there, keeping it as a snapshot', async () => {
    const source = await seeded(freshDb());
    const { data } = await backupOf(source);
    const target = await wiped();
    await review(target, ['rag.y', 'rag.z'], 2, T0 + 20 * DAY);
    const before = await fingerprint(target);
    const summary = await restoreBackup(target, data, 'replace', T0 + 30 * DAY);
    expect(summary.logs).toEqual({ added: 12, alreadyHere: 0, removed: 4 });
    expect(await target.logs.where('cardId').anyOf('rag.y', 'rag.z').count()).toBe(0);
    expect(await snapshotInfo(target)).toMatchObject({
      reason: 'restore',
      scope: { kind: 'all' },
      counts: { logs: 4 },
    });
    expect(before.logs).not.toEqual((await fingerprint(target)).logs);
  });

  it('merge: every review once, each card with its newest state, the settings here kept', async () => {
    const a = await seeded(freshDb());
    const { data } = await backupOf(a);
    const b = await wiped();
    await review(b, ['fundamentals.a'], 1, T0 + 30 * DAY);
    await review(b, ['rag.y'], 2, T0);
    const newest = await b.states.get('fundamentals.a');
    await restoreBackup(b, data, 'merge', T0 + 31 * DAY);
    expect(await b.logs.count()).toBe(12 + 3);
    expect(await b.states.get('fundamentals.a')).toEqual(newest);
    expect(await b.states.get('fundamentals.b')).toEqual(await a.states.get('fundamentals.b'));
    expect(await b.decks.get('user-mine')).toEqual(await a.decks.get('user-mine'));
    expect((await b.settings.get('settings'))?.value).toBeUndefined();

    await restoreBackup(b, data, 'merge', T0 + 32 * DAY);
    expect(await b.logs.count()).toBe(15);
  });

  it('a restore that fails halfway leaves everything as it was, snapshot included', async () => {
    const { data } = await backupOf(await seeded(freshDb()));
    const target = await wiped();
    await review(target, ['rag.y'], 1);
    const before = await fingerprint(target);
    await failWrites(target, 'logs');
    await expect(restoreBackup(target, data, 'replace', T0)).rejects.toThrow('QuotaExceededError');
    expect(await fingerprint(target)).toEqual(before);
    expect(await snapshotInfo(target)).toBeNull();
  });

  it('writes the backup a page at a time, reading in one transaction', async () => {
    const db = await seeded(freshDb());
    const writes = await countWrites(db);
    const chunks: string[] = [];
    await writeBackup(db, T0, { write: (t) => chunks.push(t), progress: () => {} });
    expect(writes.count).toBe(0);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
  });
});
