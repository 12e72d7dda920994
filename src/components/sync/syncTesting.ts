import { Scheduler } from '../../domain/scheduling/scheduler';
import type { Rating } from '../../domain/scheduling/types';
import { fromRow, type AppDb } from '../../storage/db';
import { syncDecks } from '../../storage/deckSync';
import { recordReview } from '../../storage/reviews';
import { expandPulled } from '../../storage/sync/expandPulled';
import { settlePulled } from '../../storage/sync/settlePulled';
import { openSyncDb, type SyncDb } from '../../storage/sync/syncDb';
import { freshDb, testCard, testDeckFile } from '../../storage/testing';
import type { CouchTestServer } from '../../../scripts/couch-test-server.mjs';
import { couchDatabase } from './couch';
import { runSync } from './engine';

/** Two or three devices syncing through one test server, as the sync tests use them. */
export const testScheduler = new Scheduler({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  maximumInterval: 36_500,
});
export const T0 = Date.UTC(2026, 0, 5, 9);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Device {
  db: AppDb;
  sync: SyncDb;
}

let dbCount = 0;
/** A device with the built-in role `rag` of three cards (a, b, c). */
export async function device(): Promise<Device> {
  const db = freshDb();
  await syncDecks(db, [
    testDeckFile(
      'rag',
      ['a', 'b', 'c'].map((k) => testCard('rag', k)),
    ),
  ]);
  return { db, sync: openSyncDb(`sync-test-${++dbCount}-${Math.random()}`) };
}

/** A review as the review screen records it; returns its log's id. */
export async function rate(d: Device, cardId: string, rating: Rating, at: number): Promise<string> {
  const previous = fromRow((await d.db.states.get(cardId))!);
  const { next, log } = testScheduler.answer(previous, rating, at, 3000, crypto.randomUUID());
  await recordReview(d.db, next, log, previous);
  return log.id;
}

export interface SyncOptions {
  password?: string;
  fetchImpl?: typeof fetch;
  /** The device's clock; by default a minute after its latest review, as it happens in the app. */
  now?: number;
  /** An earlier sync of the session reached the database (SyncRun.databaseKnown). */
  databaseKnown?: boolean;
}

/**
 * A sync, then what the sync worker does after each: a large pull's blocks written into `logs`
 * and the cards replayed meanwhile replayed again (expandPulled, settlePulled).
 */

export function syncer(server: CouchTestServer) {
  return async (d: Device, database: string, options: SyncOptions = {}) => {
    const latest = (await d.db.logs.orderBy('review').last())?.review ?? T0;
    const remote = couchDatabase(
      { url: `${server.url}/${database}`, user: server.user, password: options.password ?? server.password },
      options.fetchImpl ?? fetch,
    );
    const counts = await runSync({
      db: d.db,
      sync: d.sync,
      remote,
      schedulerFor: () => testScheduler,
      now: () => options.now ?? latest + 60_000,
      databaseKnown: options.databaseKnown,
    });
    await expandPulled(d.db);
    await settlePulled(d.db, () => testScheduler);
    return counts;
  };
}

/** The ids of the documents in a test database. */
export async function serverDocIds(server: CouchTestServer, database: string): Promise<string[]> {
  const response = await fetch(`${server.url}/${database}/_all_docs`, {
    headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` },
  });
  return ((await response.json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
}
