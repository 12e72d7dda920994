/**
 * The bench harness: a page on the app's origin that drives the app's real storage and domain code
 * (built by bench/harness.config.ts, served at /__bench/). bench/run.mjs calls `window.bench.*`.
 */
import Dexie from 'dexie';
import bundledDecks from 'virtual:decks';
import type { CardRecord } from '../src/domain/deck/records';
import type { Deck } from '../src/domain/deck/schema';
import { hashString } from '../src/domain/deck/hash';
import { newState } from '../src/domain/scheduling/scheduler';
import { buildQueue } from '../src/domain/queue/queue';
import { roleSettings, type Settings } from '../src/domain/settings/settings';
import { endOfReviewDay, startOfReviewDay } from '../src/domain/time/reviewDay';
import { toRow, DB_NAME, type AppDb, type StateRow } from '../src/storage/db';
import { openDb } from '../src/storage/openDb';
import { syncDecks, type DeckFile } from '../src/storage/deckSync';
import { listDecks } from '../src/storage/decks';
import { countMoreReviews, loadQueueInputs } from '../src/storage/queues';
import { loadSettings } from '../src/storage/settings';
import { refreshSnapshots } from '../src/storage/snapshots/loadSnapshots';
import { useReviewSession } from '../src/state/reviewSession';
import { deckSize, syntheticDeck } from './content';
import { prepareCollection } from './history';
import { optionalFeatures } from './features';
import { rawReviewTxn } from './rawTxn';
import { browseSearch, cardPage } from './browseProbe';
import { prepareSecondDevice, reviewDay } from './syncDevice';

export interface BenchConfig {
  seed: number;
  decks: number;
  cards: number;
  logs: number;
}

let decks: Deck[] = [];
let rows: { cards: CardRecord[]; states: StateRow[] }[] = [];
const mainDb = openDb(DB_NAME);

const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
};

const deckFiles = (): DeckFile[] =>
  decks.map((deck) => ({
    id: deck.id,
    file: `synthetic/${deck.id}.json`,
    hash: hashString(JSON.stringify(deck)),
    load: async () => deck,
  }));

async function withDb<T>(name: string, fn: (db: AppDb) => Promise<T>): Promise<T> {
  const db = name === DB_NAME ? mainDb : openDb(name);
  await db.open();
  try {
    return await fn(db);
  } finally {
    if (db !== mainDb) db.close();
  }
}

async function dailyQueue(db: AppDb, settings: Settings, now: number, only?: string) {
  const dayStart = startOfReviewDay(now, settings.rolloverHour);
  const dayEnd = endOfReviewDay(now, settings.rolloverHour);
  // As ReviewSession.start(): the enabled roles (or one), read together, then buildQueue; the due
  // reviews past the first page are counted after the first card shows (timed apart: dueCount).
  const ids = only
    ? [only]
    : (await listDecks(db)).map((d) => d.id).filter((id) => roleSettings(settings, id).enabled);
  const inputs = await loadQueueInputs(db, ids, settings, dayStart, dayEnd, undefined, { countDue: false });
  const queue = buildQueue(inputs, dayEnd);
  return {
    size: queue.learning.length + queue.main.length,
    count: () => countMoreReviews(db, inputs, dayEnd),
  };
}

const api = {
  /** Builds the synthetic decks in memory (and the rows a raw bulkPut writes); not timed as import. */
  generate(config: BenchConfig) {
    const t0 = performance.now();
    decks = Array.from({ length: config.decks }, (_, i) =>
      syntheticDeck(config.seed, i, deckSize(config.cards, config.decks, i)),
    );
    rows = decks.map((deck) => ({
      cards: deck.cards.map((card, position) => ({
        ...card,
        deckId: deck.id,
        position,
        hash: hashString(JSON.stringify(card)),
        retired: false,
      })),
      states: deck.cards.map((card, position) => toRow(newState(card.id, deck.id, position))),
    }));
    const bytes = decks.reduce((n, d) => n + JSON.stringify(d).length, 0);
    return { ms: performance.now() - t0, cards: config.cards, deckJsonMb: bytes / 1e6 };
  },

  /** The app's deck sync of every synthetic card into an empty database. */
  importDecks: (dbName: string) =>
    withDb(dbName, async (db) => {
      const { ms, value } = await time(() => syncDecks(db, deckFiles(), 'user'));
      if (value.problems.length) throw new Error(JSON.stringify(value.problems.slice(0, 3)));
      return { ms, cards: decks.reduce((n, d) => n + d.cards.length, 0) };
    }),

  /** The same card and state rows, written by plain Dexie bulkPut (one transaction per deck, as sync does). */
  rawBulkPut: (dbName: string) =>
    withDb(dbName, async (db) => {
      const { ms } = await time(async () => {
        for (const r of rows) {
          await db.transaction('rw', db.cards, db.states, async () => {
            await db.cards.bulkPut(r.cards);
            await db.states.bulkPut(r.states);
          });
        }
      });
      return { ms, cards: rows.reduce((n, r) => n + r.cards.length, 0) };
    }),

  deleteDb: (name: string) => Dexie.delete(name),

  /** Bundled decks (so the app's boot sync has nothing to do), the review history, and settings. */
  async prepareCollection(config: BenchConfig, now: number) {
    const report = await prepareCollection(mainDb, decks, bundledDecks, config.seed, config.logs, now);
    // As the app's first Today screen does, so the cached collection starts with current snapshots.
    await refreshSnapshots(mainDb);
    // The deck content is in IndexedDB now; drop it so later heap figures are the app's own.
    rows = [];
    decks = decks.map((d) => ({ ...d, cards: [] }));
    return report;
  },

  /** Today's queue over all enabled roles, and over one role, `runs` times each. */
  async queues(runs: number, now: number) {
    const settings = await loadSettings(mainDb);
    const role = decks[0]?.id ?? 'synthetic-01';
    const daily: number[] = [];
    const single: number[] = [];
    const session: number[] = [];
    const dueCount: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const d = await time(() => dailyQueue(mainDb, settings, now));
      daily.push(d.ms);
      size = d.value.size;
      dueCount.push((await time(d.value.count)).ms);
      single.push((await time(() => dailyQueue(mainDb, settings, now, role))).ms);
      // The review screen's own entry point: the queue plus the first cards' content.
      const start = useReviewSession.getState().start;
      session.push((await time(() => start(mainDb, settings, { kind: 'daily' }, now))).ms);
    }
    return { daily, role: single, session, dueCount, size };
  },

  rawReviewTxn: (runs: number) => rawReviewTxn(mainDb, runs),

  optionalFeatures: (now: number, capMs: number) => optionalFeatures(mainDb, now, capMs),

  /** The card browser's probes alone (bench/browseRun.mjs), on the app's database. */
  async browseProbes(now: number) {
    const search = await browseSearch(mainDb, now);
    const page = await cardPage(mainDb, now);
    return {
      ...(typeof search === 'string' ? { search } : search),
      ...(typeof page === 'string' ? { cardPage: page } : page),
    };
  },

  /** The sync phase's second device (its synthetic decks imported by importDecks first). */
  prepareSecondDevice: () =>
    prepareSecondDevice(
      mainDb,
      decks.map((d) => d.id),
      bundledDecks,
    ),

  /** A day's reviews on this device, for the sync phase's incremental sync. */
  reviewDay: (count: number, now: number) => reviewDay(mainDb, count, now),
};

declare global {
  interface Window {
    bench: typeof api;
  }
}

window.bench = api;
document.body.dataset.ready = 'true';
