import type { RestoreMode, RestoreSummary } from '../../../domain/backup/plan';
import type { DeckFormat, DeckImportParse } from '../../../domain/import/parseDeckFile';
import type { DataProblem, DataWarning } from '../../../domain/import/problem';
import type { DeckImportPreview } from '../../../storage/importExport/deckImport';
import type { HistoryQuery } from '../../../storage/importExport/historyExport';
import type { RestoreCheck } from './restoreJob';

/**
 * Work that is done off the main thread: parsing files, writing large exports, and restoring a
 * backup (checked and previewed first; the worker keeps the data until `applyRestore`, so a
 * million reviews never cross to the page).
 */
export interface DeckFileRequest {
  file: Blob;
  fileName: string;
  name: string | null;
  lang: 'en' | 'zh';
}

/** A deck file checked and previewed in the worker: the page never holds its cards. */
export type DeckCheck =
  | { ok: true; name: string; format: DeckFormat; warnings: DataWarning[]; preview: DeckImportPreview }
  | { ok: false; problems: DataProblem[]; name: string | null };

export type Job =
  | ({ kind: 'parseDeck' } & DeckFileRequest)
  | ({ kind: 'checkDeck'; dbName: string } & DeckFileRequest)
  | ({ kind: 'importDeck'; dbName: string; enable: boolean; now: number } & DeckFileRequest)
  | { kind: 'exportHistory'; dbName: string; query: HistoryQuery; now: number }
  | { kind: 'exportBackup'; dbName: string; now: number };

/** A restore is a conversation: check the file and preview, then (if the user agrees) apply. */
export type RestoreRequest =
  { kind: 'restore'; dbName: string; file: Blob } | { kind: 'applyRestore'; mode: RestoreMode; now: number };

export type WorkerRequest = Job | RestoreRequest;

export type JobResult =
  | { kind: 'parseDeck'; result: DeckImportParse }
  | { kind: 'checkDeck'; check: DeckCheck }
  | { kind: 'imported'; deckId: string; name: string }
  | { kind: 'export'; blob: Blob; count: number }
  | { kind: 'restored'; summary: RestoreSummary };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'preview'; check: RestoreCheck }
  | { type: 'done'; result: JobResult }
  | { type: 'error'; message: string; name: string };
