/**
 * Probe page for sync's first pull (issue 21): the bench's collection pushed to a CouchDB-protocol
 * server through the app's sync engine, then pulled into a second database holding the same decks,
 * each page of the changes feed timed. Run by bench/probes/syncPull.mjs, which profiles the pull.
 */
import { hashString } from '../../src/domain/deck/hash';
import { defaultSettings } from '../../src/domain/settings/settings';
import type { SyncServer } from '../../src/domain/sync/server';
import { Scheduler } from '../../src/domain/scheduling/scheduler';
import { openDb } from '../../src/storage/openDb';
import { syncDecks } from '../../src/storage/deckSync';
import { openSyncDb } from '../../src/storage/sync/syncDb';
import { expandPulled } from '../../src/storage/sync/expandPulled';
import { pulledLeft } from '../../src/storage/sync/pulledState';
import { settlePulled } from '../../src/storage/sync/settlePulled';
import { couchDatabase, type CouchDatabase } from '../../src/components/sync/couch';
import { runSync } from '../../src/components/sync/engine';
import { deckSize, syntheticDeck } from '../content';
import { reviewDay } from '../syncDevice';

const scheduler = new Scheduler({
  desiredRetention: defaultSettings.desiredRetention,
  learningSteps: defaultSettings.learningSteps,
  relearningSteps: defaultSettings.relearningSteps,
  fuzz: defaultSettings.fuzz,
  maximumInterval: defaultSettings.maximumInterval,
});

/**
 * The server's calls, each with when it started and ended (ms from `t0`): the gaps between them
 * are the work done here (reads and writes of IndexedDB, replays), the calls the network's and server's.
 */
function timedRemote(remote: CouchDatabase, t0: number, calls: { call: string; from: number; to: number }[]) {
  const timed = { ...remote } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(remote) as [string, (...a: unknown[]) => Promise<unknown>][])
    timed[name] = async (...args: unknown[]) => {
      const from = performance.now() - t0;
      const what =
        typeof args[0] === 'string' ? args[0] : Array.isArray(args[0]) ? `${args[0].length} ids` : '';
      try {
        return await fn(...args);
      } finally {
        calls.push({ call: `${name} ${what}`.trim().slice(0, 60), from, to: performance.now() - t0 });
      }
    };
  return timed as unknown as CouchDatabase;
}

async function sync(dbName: string, server: SyncServer) {
  const db = openDb(dbName);
  const steps: { phase: string; pushed: number; pulled: number; ms: number }[] = [];
  const calls: { call: string; from: number; to: number }[] = [];
  const t0 = performance.now();
  const counts = await runSync({
    db,
    sync: openSyncDb(`${dbName}-probe-sync`),
    remote: timedRemote(couchDatabase(server), t0, calls),
    schedulerFor: () => scheduler,
    now: () => Date.now(),
    onProgress: (p) => steps.push({ ...p, ms: performance.now() - t0 }),
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, counts, steps, calls };
}

const probe = {
  push: (server: SyncServer) => sync('interview-recall', server),
  /** A second database with the collection's synthetic decks and none of its reviews. */
  async prepare(seed: number, decks: number, cards: number) {
    const db = openDb('probe-device-b');
    const files = Array.from({ length: decks }, (_, i) => {
      const deck = syntheticDeck(seed, i, deckSize(cards, decks, i));
      return {
        id: deck.id,
        file: `synthetic/${deck.id}.json`,
        hash: hashString(JSON.stringify(deck)),
        load: async () => deck,
      };
    });
    const t0 = performance.now();
    await syncDecks(db, files, 'user');
    const ms = performance.now() - t0;
    const states = await db.states.count();
    db.close();
    return { ms, states };
  },
  pull: (server: SyncServer) => sync('probe-device-b', server),
  /**
   * What the sync worker does after a pull: the blocks' reviews written into `logs`, then the cards
   * a day's pull replayed meanwhile replayed again.
   */
  async expand() {
    const db = openDb('probe-device-b');
    const rows = await pulledLeft(db);
    const t0 = performance.now();
    await expandPulled(db);
    const ms = performance.now() - t0;
    const replayed = (await settlePulled(db, () => scheduler)).length;
    const total = performance.now() - t0;
    const logs = await db.logs.count();
    db.close();
    return { rows, ms, replayed, replayMs: total - ms, logs };
  },
  /** A day's reviews on the collection, to be pushed by the next `push`. */
  async day(count: number) {
    const db = openDb('interview-recall');
    const result = await reviewDay(db, count, Date.now());
    db.close();
    return result;
  },
};

declare global {
  interface Window {
    probe: typeof probe;
  }
}
window.probe = probe;
document.body.dataset.ready = 'true';
