import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failureText } from './errors';

const t = (key: string, vars?: Record<string, string>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);

/** The app's own failures a user can meet, as thrown where they happen. */
const thrown: [file: string, message: string, key: string][] = [
  [
    'src/features/data/worker/jobs.ts',
    'The file changed after it was checked: choose it again.',
    'data.error.changed',
  ],
  ['src/features/data/worker/restoreSession.ts', 'This file cannot be restored.', 'data.error.changed'],
  ['src/storage/backup/restore.ts', 'There is no snapshot to roll back to.', 'data.error.snapshot'],
  ['src/storage/backup/snapshot.ts', 'The snapshot is incomplete.', 'data.error.snapshot'],
];

describe('a failed job, as the user reads it', () => {
  it('words the app’s own failures from the catalogue, not in the English they were thrown with', () => {
    for (const [file, message, key] of thrown) {
      expect(readFileSync(file, 'utf8'), file).toContain(`'${message}'`);
      expect(failureText(new Error(message), t)).toBe(key);
    }
  });

  it('gives the raw reason of a failure it does not know', () => {
    expect(failureText(new TypeError('x is undefined'), t)).toBe(
      'data.failed {"reason":"TypeError: x is undefined"}',
    );
  });
});
