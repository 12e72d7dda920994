import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { AppDb } from '../../storage/db';
import type { SyncDb } from '../../storage/sync/syncDb';
import type { CouchDatabase } from './couch';

/** What one sync works with (engine.ts), and what it reports. */
export interface SyncCounts {
  pushed: number;
  pulled: number;
}

/**
 * How far a sync is: reviews sent and received, and, while a pull's cards are replayed after its
 * last page (settlePulled), how many of them have their state.
 */
export type SyncProgressReport = SyncCounts &
  ({ phase: 'push' | 'pull' } | { phase: 'replay'; replayed: number; toReplay: number });

export interface SyncRun {
  db: AppDb;
  sync: SyncDb;
  remote: CouchDatabase;
  schedulerFor: (deckId: string) => Scheduler;
  now: () => number;
  /**
   * An earlier sync of this session reached this database with these credentials: it is not asked
   * for again (a request and its CORS preflight saved per sync). A database gone since answers
   * the next request with 404, a failure after which the session asks again (and creates it).
   */
  databaseKnown?: boolean;
  onProgress?: (progress: SyncProgressReport) => void;
  /** Cards whose state the pulled reviews changed (open review sessions drop them). */
  onApplied?: (cardIds: string[]) => void;
  /** This device's settings or optimizer parameters changed: another device's edits arrived. */
  onSettingsChanged?: () => void;
  /** Awaited before each step of a push or a pull: waits while someone is rating cards (reviewYield.ts). */
  pause?: () => Promise<void>;
}
