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
import { couchDatabase } from '../../src/components/sync/couch';
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

async function sync(dbName: string, server: SyncServer) {
  const db = openDb(dbName);
  const steps: { phase: string; pushed: number; pulled: number; ms: number }[] = [];
  const t0 = performance.now();
  const counts = await runSync({
    db,
    sync: openSyncDb(`${dbName}-probe-sync`),
    remote: couchDatabase(server),
    schedulerFor: () => scheduler,
    now: () => Date.now(),
    onProgress: (p) => steps.push({ ...p, ms: performance.now() - t0 }),
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, counts, steps };
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
