import type { BackupCounts, BackupData } from '../../../domain/backup/format';
import type { RestoreMode, RestoreSummary } from '../../../domain/backup/plan';
import type { DataProblem } from '../../../domain/import/problem';
import { previewRestore } from '../../../storage/backup/restore';
import type { AppDb } from '../../../storage/db';
import { isStudied } from '../../../domain/stats/recall';
import { parseBackupFile } from './jobs';

export interface RestorePreview {
  contents: BackupCounts & { createdAt: number };
  previews: Record<RestoreMode, RestoreSummary>;
}

export type RestoreCheck = { ok: true; preview: RestorePreview } | { ok: false; problems: DataProblem[] };

/** Checks a backup file and says what each way of restoring it would do; keeps the data to apply. */
export async function prepareRestore(
  file: Blob,
  db: AppDb,
): Promise<{ check: RestoreCheck; data: BackupData | null }> {
  const parsed = await parseBackupFile(file);
  if (!parsed.ok) return { check: parsed, data: null };
  const data = parsed.value;
  const previews = await previewRestore(db, data);
  const contents = {
    createdAt: data.createdAt,
    decks: data.decks.length,
    cards: data.decks.reduce((n, d) => n + d.cards.length, 0),
    // Every card has a state from the day its deck loads: only studied ones carry progress.
    states: data.states.filter(isStudied).length,
    logs: data.logs.length,
  };
  return { check: { ok: true, preview: { contents, previews } }, data };
}
