import type { SyncFailure, SyncServer, ServerUrlIssue } from '../../domain/sync/server';

/** What the Sync section shows; the password is never part of it. */
export interface SyncStatus {
  setup: { url: string; user: string; paused: boolean } | null;
  lastSync: number | null;
  lastFailure: SyncFailure | null;
  /** Reviews made here and not yet on the server. */
  pending: number;
  running: boolean;
  /**
   * While a sync runs: reviews sent and received so far; once a first pull's reviews are stored,
   * how many of the cards they are of have been given their state (`replay`).
   */
  progress: { pushed: number; pulled: number; replay?: { done: number; total: number } } | null;
  /**
   * After a large pull, while its reviews are written into the review history in the background
   * (expandPulled): how many of them are written. Statistics and card states are complete already.
   */
  storing?: { done: number; total: number } | null;
}

export type SyncRequest =
  /** `status: false`: nothing to answer (a page that only starts sync: no count of the outbox). */
  | { kind: 'start'; dbName: string; status?: boolean }
  | { kind: 'status' }
  | { kind: 'test'; server: SyncServer }
  | { kind: 'setup'; server: SyncServer }
  | { kind: 'syncNow' }
  | { kind: 'pause'; paused: boolean }
  | { kind: 'forget' };

/** The answer to `test` and `setup`: null when the server answered and the account may use it. */
export type SetupResult = { issue: ServerUrlIssue } | { failure: SyncFailure } | null;

/** Every tab hears the sync worker's status here. */
export const SYNC_STATUS_CHANNEL = 'interview-recall:sync-status';

/** The sync worker says here that it wrote settings another device changed, so pages reload them. */
export const SYNCED_SETTINGS_CHANNEL = 'interview-recall:synced-settings';
