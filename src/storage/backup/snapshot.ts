import type { BackupCounts, BackupData } from '../../domain/backup/format';
import { isStudied } from '../../domain/stats/studied';
import type { AppDb, SettingRow } from '../db';

export type SnapshotReason = 'restore' | 'import' | 'deleteDeck' | 'rollback' | 'reset' | 'reschedule';
export type SnapshotScope = { kind: 'all' } | { kind: 'deck'; deckId: string };

export interface SnapshotInfo {
  createdAt: number;
  reason: SnapshotReason;
  scope: SnapshotScope;
  counts: BackupCounts;
  parts: number;
}

const META = 'data.snapshot';
const PART = 'data.snapshot.part.';
/** Logs per stored row: keeps each IndexedDB value a few megabytes at most. */
const LOGS_PER_PART = 20_000;

const countsOf = (data: BackupData): BackupCounts => ({
  decks: data.decks.length,
  cards: data.decks.reduce((n, d) => n + d.cards.length, 0),
  // Every card has a state from the day its deck loads: only studied ones carry progress.
  states: data.states.filter(isStudied).length,
  logs: data.logs.length,
});

/**
 * Keeps one automatic snapshot: what a restore, import or deletion is about to replace. Written
 * in the same transaction as the change, so there is never a change without its snapshot.
 */
export async function writeSnapshot(
  db: AppDb,
  data: BackupData,
  reason: SnapshotReason,
  scope: SnapshotScope,
): Promise<void> {
  await db.settings.where('key').startsWith(PART).delete();
  const rows: SettingRow[] = [
    {
      key: `${PART}0`,
      value: {
        settings: data.settings,
        decks: data.decks,
        states: data.states,
        mocks: data.mocks ?? [],
        notes: data.notes ?? [],
      },
    },
  ];
  for (let i = 0; i < data.logs.length; i += LOGS_PER_PART) {
    rows.push({ key: `${PART}${rows.length}`, value: { logs: data.logs.slice(i, i + LOGS_PER_PART) } });
  }
  const info: SnapshotInfo = {
    createdAt: data.createdAt,
    reason,
    scope,
    counts: countsOf(data),
    parts: rows.length,
  };
  await db.settings.bulkPut([...rows, { key: META, value: info }]);
}

export async function snapshotInfo(db: AppDb): Promise<SnapshotInfo | null> {
  const row = await db.settings.get(META);
  return (row?.value as SnapshotInfo | undefined) ?? null;
}

export async function readSnapshot(db: AppDb): Promise<{ info: SnapshotInfo; data: BackupData } | null> {
  const info = await snapshotInfo(db);
  if (!info) return null;
  const keys = Array.from({ length: info.parts }, (_, i) => `${PART}${i}`);
  const rows = await db.settings.bulkGet(keys);
  if (rows.some((r) => !r)) throw new Error('The snapshot is incomplete.');
  const parts = rows.map((r) => r!.value as Partial<BackupData>);
  const head = parts[0] ?? {};
  return {
    info,
    data: {
      createdAt: info.createdAt,
      settings: head.settings ?? {},
      decks: head.decks ?? [],
      states: head.states ?? [],
      ...(head.mocks?.length ? { mocks: head.mocks } : {}),
      ...(head.notes?.length ? { notes: head.notes } : {}),
      logs: parts.flatMap((p) => p.logs ?? []),
    },
  };
}
