import { logIssue, stateIssue } from '../domain/scheduling/valid';
import type { AppDb } from './db';
import { CardChangedError, recordReview } from './reviews';
import {
  PREFIX,
  STALE_MS,
  forget,
  liveTabs,
  pendingReviewKeys,
  storage,
  tabId,
  type JournalEntry,
} from './reviewJournal';

const validEntry = (e: Partial<JournalEntry> | null): e is JournalEntry =>
  !!e &&
  typeof e === 'object' &&
  !!e.next &&
  !!e.log &&
  !!e.previous &&
  typeof e.tab === 'string' &&
  typeof e.at === 'number' &&
  stateIssue(e.next) === null &&
  stateIssue(e.previous) === null &&
  logIssue(e.log) === null &&
  e.log.cardId === e.next.cardId &&
  e.previous.cardId === e.next.cardId;

export interface ReplayReport {
  /** Cards whose noted review was written now. */
  written: string[];
  /** Notes dropped: already stored, the card changed since, or unreadable. */
  dropped: number;
  /** Notes left for later: another tab's, still young, or a write that failed. */
  kept: number;
}

/**
 * Writes the reviews noted but not committed before the page went away (at start, before any
 * queue is loaded). Notes of another tab still open are left alone: it may still be writing them
 * (without Web Locks, notes of another tab younger than STALE_MS).
 */
export async function replayJournal(db: AppDb, now: number): Promise<ReplayReport> {
  const report: ReplayReport = { written: [], dropped: 0, kept: 0 };
  const local = storage('localStorage');
  if (!local) return report;
  const tab = tabId();
  const live = await liveTabs();
  for (const key of pendingReviewKeys()) {
    let entry: Partial<JournalEntry> | null = null;
    try {
      entry = JSON.parse(local.getItem(key) ?? 'null') as Partial<JournalEntry> | null;
    } catch {
      entry = null;
    }
    if (!validEntry(entry) || entry.log.id !== key.slice(PREFIX.length)) {
      forget(key);
      report.dropped++;
      continue;
    }
    const otherTabWriting = live ? live.has(entry.tab) : Math.abs(now - entry.at) < STALE_MS;
    if (entry.tab !== tab && otherTabWriting) {
      report.kept++;
      continue;
    }
    try {
      await recordReview(db, entry.next, entry.log, entry.previous);
      report.written.push(entry.next.cardId);
    } catch (error) {
      // Changed since (or this very review already stored: its log id exists): nothing to write.
      const settled = error instanceof CardChangedError || (error as Error)?.name === 'ConstraintError';
      // Any other failure (storage full, say): the note stays for the next start.
      if (!settled) {
        report.kept++;
        continue;
      }
      report.dropped++;
    }
    forget(key);
  }
  return report;
}
