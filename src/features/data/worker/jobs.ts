import type { BackupData } from '../../../domain/backup/format';
import { validateBackup } from '../../../domain/backup/validate';
import type { Parsed } from '../../../domain/import/problem';
import { MAX_BACKUP_BYTES, MAX_DECK_BYTES, formatTooLarge } from '../../../domain/import/limits';
import { parseDeckFile, type DeckImportParse } from '../../../domain/import/parseDeckFile';
import { parseJson } from '../../../domain/import/safeJson';
import { decodeText } from '../../../domain/import/text';
import type { AppDb } from '../../../storage/db';
import { writeBackup } from '../../../storage/backup/writeBackup';
import { writeHistory } from '../../../storage/importExport/historyExport';
import { importDeck, previewDeckImport } from '../../../storage/importExport/deckImport';
import { refreshSnapshots } from '../../../storage/snapshots/loadSnapshots';
import type { DeckFileRequest, Job, JobResult } from './protocol';

export type OnProgress = (done: number, total: number) => void;

const tooLarge = (size: number, max: number) => ({
  ok: false as const,
  problems: [{ code: 'tooLarge' as const, detail: formatTooLarge(size, max) }],
});

/** Blob.arrayBuffer is missing from older Safari (and jsdom); FileReader reads the same bytes. */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob);
  });
}

/** A backup file, checked whole: size, encoding, JSON, then every record. */
export async function parseBackupFile(file: Blob): Promise<Parsed<BackupData>> {
  if (file.size > MAX_BACKUP_BYTES) return tooLarge(file.size, MAX_BACKUP_BYTES);
  const decoded = decodeText(await readBytes(file), MAX_BACKUP_BYTES);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const json = parseJson(decoded.text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  return validateBackup(json.value, decoded.text);
}

/** A deck file, read (unless too large) and parsed whole. */
async function parseDeck(job: DeckFileRequest): Promise<DeckImportParse> {
  // Refused before reading: a huge file is never loaded into memory.
  if (job.file.size > MAX_DECK_BYTES) return { ...tooLarge(job.file.size, MAX_DECK_BYTES), name: job.name };
  const bytes = await readBytes(job.file);
  return parseDeckFile({ fileName: job.fileName, bytes, name: job.name, lang: job.lang });
}

/** Runs a job; the worker calls this, and so does the main thread where workers are missing (tests). */
export async function handleJob(
  job: Job,
  db: AppDb | null,
  onProgress: OnProgress,
  signal?: AbortSignal,
): Promise<JobResult> {
  switch (job.kind) {
    case 'parseDeck':
      return { kind: 'parseDeck', result: await parseDeck(job) };
    // Checking and importing a deck both happen here, so its cards (46 MB for 20,000 large
    // ones) never cross to the page: unpacking them there took one 1.5 s task.
    case 'checkDeck': {
      if (!db) throw new Error('No database to compare the deck with.');
      const parsed = await parseDeck(job);
      if (!parsed.ok) return { kind: 'checkDeck', check: parsed };
      const { deck: _deck, ...rest } = parsed;
      return { kind: 'checkDeck', check: { ...rest, preview: await previewDeckImport(db, parsed.deck) } };
    }
    case 'importDeck': {
      if (!db) throw new Error('No database to import into.');
      const parsed = await parseDeck(job);
      if (!parsed.ok) throw new Error('The file changed after it was checked: choose it again.');
      await importDeck(db, parsed.deck, { enable: job.enable, now: job.now });
      // The role's state snapshot is built here, off the page, before the import reports done:
      // otherwise the role page (the link the import shows) builds it as it opens, reading every
      // state of a deck that may hold 20,000. A snapshot not written is built when next read.
      await refreshSnapshots(db, [parsed.deck.id]).catch((error: unknown) =>
        console.warn('state snapshot not built after the import', error),
      );
      return { kind: 'imported', deckId: parsed.deck.id, name: parsed.name };
    }
    case 'exportHistory':
    case 'exportBackup': {
      if (!db) throw new Error('No database to export from.');
      const parts: Blob[] = [];
      const out = { write: (text: string) => parts.push(new Blob([text])), progress: onProgress, signal };
      const count =
        job.kind === 'exportBackup'
          ? (await writeBackup(db, job.now, out)).logs
          : await writeHistory(db, job.query, job.now, out);
      const type =
        job.kind === 'exportHistory' && job.query.format === 'csv' ? 'text/csv' : 'application/json';
      return { kind: 'export', blob: new Blob(parts, { type: `${type};charset=utf-8` }), count };
    }
  }
}
