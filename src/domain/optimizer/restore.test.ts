import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { backupToString, type BackupData } from '../backup/format';
import { validateBackup } from '../backup/validate';
import { parseJson } from '../import/safeJson';
import { optimizationEntry } from './adopt';
import { withEntry } from './params';

const w = default_w.map((v, i) => (i === 0 ? 0.1 : v));
const params = withEntry(
  {},
  'rag',
  optimizationEntry(
    Date.UTC(2026, 4, 2),
    w,
    { logLoss: 0.5, rmseBins: 0.1, reviews: 500 },
    { logLoss: 0.4, rmseBins: 0.05, reviews: 500 },
  ),
);
const backup = (fsrsParams: unknown): BackupData => ({
  createdAt: Date.UTC(2026, 4, 2, 9),
  settings: { fsrsParams },
  decks: [],
  states: [],
  logs: [],
});
const check = (data: BackupData) => {
  const text = backupToString(data);
  const json = parseJson(text);
  if (!json.ok) throw new Error('not JSON');
  return validateBackup(json.value, text);
};

describe('restoring FSRS parameters', () => {
  it('carries the parameters and their history through a backup', () => {
    const result = check(backup(params));
    expect(result.ok && result.value.settings.fsrsParams).toEqual(params);
  });

  it('refuses a backup whose parameters are out of range, naming the parameter', () => {
    const bad = { rag: { ...params.rag!, w: w.map((v, i) => (i === 7 ? 3 : v)) } };
    const result = check(backup(bad));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual({
      code: 'invalid',
      field: 'settings.fsrsParams.rag.w.7',
      reason: { code: 'range', values: { min: 0.001, max: 0.75 } },
    });
  });
});
