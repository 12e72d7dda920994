import { buildRollups } from '../src/storage/dayRollups';
import type { Deck } from '../src/domain/deck/schema';
import { Scheduler, newState, type Answered } from '../src/domain/scheduling/scheduler';
import { CardState, type Rating, type ReviewLog, type SchedState } from '../src/domain/scheduling/types';
import { defaultRoleSettings, defaultSettings, type Settings } from '../src/domain/settings/settings';
import { startOfReviewDay } from '../src/domain/time/reviewDay';
import { syncDecks, type DeckFile } from '../src/storage/deckSync';
import { refreshLogBlocks } from '../src/storage/logBlocks/refreshLogBlocks';
import { establishFloors } from '../src/storage/queueFloors';
import { loadSettings, saveSettings } from '../src/storage/settings';
import { toRow, type AppDb } from '../src/storage/db';
import { mulberry32, subSeed, uuid, type Rng } from './prng';

const DAY = 86_400_000;
const MINUTE = 60_000;
const FLUSH_LOGS = 20_000;
const PILOT_CARDS = 1_000;

export interface HistoryReport {
  logs: number;
  cardsStudied: number;
  from: number;
  until: number;
  ms: number;
  writeMs: number;
}

/** A user who mostly remembers: more lapses while learning than once a card is in review. */
function rate(rnd: Rng, s: SchedState): Rating {
  const r = rnd();
  const learning = s.state !== CardState.Review;
  if (r < (learning ? 0.2 : 0.1)) return 1;
  if (r < (learning ? 0.3 : 0.18)) return 2;
  if (r < (learning ? 0.95 : 0.93)) return 3;
  return 4;
}

/** When the user actually answers a card due at `due`: minutes late in a session, hours or days late for reviews. */
function answeredAt(rnd: Rng, s: SchedState): number {
  if (s.state !== CardState.Review) return s.due + rnd() * 5 * MINUTE;
  const away = rnd() < 0.05 ? (1 + rnd() * 6) * DAY : 0;
  return s.due + rnd() * 0.6 * DAY + away;
}

/** One card's reviews from `start` until `until` (or `budget` reviews), answered as the user would. */
function play(
  scheduler: Scheduler,
  rnd: Rng,
  initial: SchedState,
  start: number,
  until: number,
  budget: number,
) {
  const out: Answered[] = [];
  let state = initial;
  let t = start;
  while (t < until && out.length < budget) {
    const durationMs = 4_000 + rnd() * 56_000;
    const answered = scheduler.answer(state, rate(rnd, state), Math.floor(t), durationMs, uuid(rnd));
    out.push(answered);
    state = answered.next;
    t = Math.max(answeredAt(rnd, state), t + MINUTE);
  }
  return out;
}

/**
 * Plays two years of reviews ending at `until` (the start of today's review day, so today's queue is
 * full) through the app's real Scheduler (FSRS, fuzz on), card by card in new-card order, and writes
 * the final states and every log. Stops at exactly `targetLogs` logs.
 */
export async function generateHistory(
  db: AppDb,
  decks: Deck[],
  seed: number,
  targetLogs: number,
  until: number,
): Promise<HistoryReport> {
  const t0 = performance.now();
  const from = until - 730 * DAY;
  const scheduler = new Scheduler({
    desiredRetention: defaultSettings.desiredRetention,
    learningSteps: defaultSettings.learningSteps,
    relearningSteps: defaultSettings.relearningSteps,
    fuzz: defaultSettings.fuzz,
    maximumInterval: defaultSettings.maximumInterval,
  });
  // A pilot run (own stream, nothing written) finds the mean history length of a card started at a
  // uniform time in the window, so the cards started are spread over all two years and the log
  // budget runs out near the end; if it has not, the last few cards are started in the final week.
  const pilotRnd = mulberry32(subSeed(seed, 'pilot'));
  let pilotLogs = 0;
  for (let i = 0; i < PILOT_CARDS; i++) {
    const start = from + pilotRnd() * (until - from);
    pilotLogs += play(scheduler, pilotRnd, newState('pilot.card', 'pilot', i), start, until, Infinity).length;
  }
  const total = decks.reduce((n, d) => n + d.cards.length, 0);
  const started = Math.min(total, Math.ceil(targetLogs / (pilotLogs / PILOT_CARDS)));
  const rnd = mulberry32(subSeed(seed, 'history'));
  let states: SchedState[] = [];
  let logs: ReviewLog[] = [];
  let written = 0;
  let studied = 0;
  let writeMs = 0;
  // One write in flight while the next batch is simulated: the simulation (this thread) overlaps
  // IndexedDB's backend (another process).
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = { states: states.map(toRow), logs };
    states = [];
    logs = [];
    await inFlight;
    const w0 = performance.now();
    inFlight = db
      // Both requests issued at once, so the backend has all of it before this thread goes back to simulating.
      .transaction('rw', db.states, db.logs, () =>
        Promise.all([db.states.bulkPut(batch.states), db.logs.bulkAdd(batch.logs)]),
      )
      .then(() => {
        writeMs += performance.now() - w0;
        written += batch.logs.length;
      });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  let produced = 0;
  for (let k = 0; k < total && produced < targetLogs; k++) {
    const deck = decks[k % decks.length]!;
    const position = Math.floor(k / decks.length);
    const card = deck.cards[position];
    if (!card) continue;
    const start = k < started ? from + (k / started) * (until - from) : until - rnd() * 7 * DAY;
    const budget = targetLogs - produced;
    const played = play(
      scheduler,
      rnd,
      newState(card.id, deck.id, position),
      start + rnd() * DAY,
      until,
      budget,
    );
    for (const { log } of played) logs.push(log);
    produced += played.length;
    const last = played[played.length - 1];
    if (last) {
      states.push(last.next);
      studied++;
    }
    if (logs.length >= FLUSH_LOGS) await flush();
  }
  await flush();
  await inFlight;
  return { logs: written, cardsStudied: studied, from, until, ms: performance.now() - t0, writeMs };
}

/**
 * The collection the app will open: the bundled decks synced (so the app's boot sync has nothing to
 * do), the history, and settings with the synthetic roles switched on at the default limits.
 */
export async function prepareCollection(
  db: AppDb,
  decks: Deck[],
  bundled: DeckFile[],
  seed: number,
  targetLogs: number,
  now: number,
) {
  await syncDecks(db, bundled);
  const settings = await loadSettings(db);
  const until = startOfReviewDay(now, settings.rolloverHour);
  const history = await generateHistory(db, decks, seed, targetLogs, until);
  const roles: Settings['roles'] = {};
  for (const d of bundled) roles[d.id] = { ...defaultRoleSettings(false) };
  for (const d of decks) roles[d.id] = { ...defaultRoleSettings(true) };
  await saveSettings(db, { ...settings, language: 'en', roles });
  // The history was written in bulk, not through the review transaction: build its day rollups,
  // as the app's schema upgrade or a restore would, so statistics read real rollups.
  await db.transaction('rw', [db.logs, db.days, db.settings], () =>
    buildRollups(db.logs, db.days, db.settings, settings.rolloverHour),
  );
  // The export's log blocks, built as the app builds them in the background after an upgrade.
  const b0 = performance.now();
  const blocks = await refreshLogBlocks(db);
  const blocksMs = performance.now() - b0;
  // The queue floors as the app keeps them for a daily user: each day's first queue read raises
  // them; the bulk history above went around those reads.
  await establishFloors(
    db,
    decks.map((d) => d.id),
  );
  return {
    ...history,
    logsStored: await db.logs.count(),
    states: await db.states.count(),
    blocksMs,
    blocksBuilt: blocks.rebuilt,
  };
}
