/// <reference lib="webworker" />
import { weightsFor } from '../../domain/optimizer/params';
import { Scheduler } from '../../domain/scheduling/scheduler';
import { retentionFor } from '../../domain/settings/settings';
import { NewerFormatError } from '../../domain/sync/format';
import { serverUrlIssue, type SyncServer } from '../../domain/sync/server';
import { DB_NAME, type AppDb } from '../../storage/db';
import { openDb } from '../../storage/openDb';
import { loadFsrsParams } from '../../storage/fsrsParams';
import { loadSettings } from '../../storage/settings';
import { expandPulled } from '../../storage/sync/expandPulled';
import { countUnpushed } from '../../storage/sync/outbox';
import { settlePulled } from '../../storage/sync/settlePulled';
import {
  changeSetup,
  forgetSetup,
  loadProgress,
  loadSetup,
  openSyncDb,
  saveProgress,
  saveSetup,
} from '../../storage/sync/syncDb';
import { announceReviewed, onReviewedElsewhere } from '../../state/tabChannel';
import { couchDatabase, SyncError } from './couch';
import { runSync } from './engine';
import { checkingFormats } from './formats';
import { oneAtATime } from './oneAtATime';
import { reviewYield } from './reviewYield';
import {
  SYNC_STATUS_CHANNEL,
  SYNCED_SETTINGS_CHANNEL,
  type SetupResult,
  type SyncRequest,
  type SyncStatus,
} from './protocol';

/** While the app is open: a sync this long after the last review, and at least this often. */
const AFTER_REVIEWS_MS = 15_000;
const PERIOD_MS = 5 * 60_000;
/** After the server could not be reached or failed: tries again this much later, then the period. */
const RETRY_MS = [10_000, 30_000, 60_000, 120_000];

const sync = openSyncDb();
let db: AppDb | null = null;
let running = false;
let progress: SyncStatus['progress'] = null;
let started = false;
let reviewTimer: ReturnType<typeof setTimeout> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let busyTimer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;
/** The server and account the last sync of this session completed with (SyncRun.databaseKnown). */
let reached: string | null = null;
/**
 * Reviews waiting to be pushed when the running sync started. Counting walks the outbox (every
 * review, the first time), so while a sync runs its progress reports this less what it has sent
 * instead of counting again at every page.
 */
let pendingAtStart = 0;
/** Ratings in any tab hold the push and pull back between their steps. */
const reviewing = reviewYield();
const statusChannel = new BroadcastChannel(SYNC_STATUS_CHANNEL);
const settingsChannel = new BroadcastChannel(SYNCED_SETTINGS_CHANNEL);

async function status(): Promise<SyncStatus> {
  const [setup, saved] = await Promise.all([loadSetup(sync), loadProgress(sync)]);
  return {
    setup: setup && { url: setup.url, user: setup.user, paused: setup.paused },
    lastSync: saved.lastSync,
    lastFailure: saved.lastFailure,
    pending: running
      ? Math.max(0, pendingAtStart - (progress?.pushed ?? 0))
      : db
        ? await countUnpushed(db, sync)
        : 0,
    running,
    progress,
    storing,
  };
}

const announce = async () => statusChannel.postMessage(await status());

/** The scheduler a role's reviews are replayed with: the options and parameters a review there uses. */
async function schedulers(app: AppDb): Promise<(deckId: string) => Scheduler> {
  const [settings, params] = await Promise.all([loadSettings(app), loadFsrsParams(app)]);
  const made = new Map<string, Scheduler>();
  return (deckId) => {
    let scheduler = made.get(deckId);
    if (!scheduler) {
      scheduler = new Scheduler({
        desiredRetention: retentionFor(settings, deckId),
        learningSteps: settings.learningSteps,
        relearningSteps: settings.relearningSteps,
        fuzz: settings.fuzz,
        maximumInterval: settings.maximumInterval,
        w: weightsFor(params, deckId),
      });
      made.set(deckId, scheduler);
    }
    return scheduler;
  };
}

const SYNC_LOCK = 'interview-recall:sync';

let expanding = false;
/** The pulled reviews being written into `logs` (SyncStatus.storing). */
let storing: SyncStatus['storing'] = null;
/** Announced at most this often while they are written (a status counts the outbox). */
const STORING_ANNOUNCE_MS = 2_000;

/**
 * Waits while cards are being rated and while a sync runs: each of a sync's transactions waited
 * behind a transaction of the writing (a day's pull took 3.5 s instead of 0.5 at the small size).
 */
async function betweenSyncs(): Promise<void> {
  await reviewing.pause();
  while (running) await new Promise((resume) => setTimeout(resume, 100));
}

/**
 * The reviews a large pull stored as blocks, written into `logs` in the background (expandPulled),
 * waiting while cards are being rated; then the cards a day's pull or a merge could only replay
 * from the rows meanwhile are replayed from all their reviews (settlePulled, under sync's lock).
 * After each sync, and at start: a tab closed midway resumes here. Readers that need every
 * review write the rest themselves if they come first.
 */
async function expandInBackground(): Promise<void> {
  const app = db;
  if (!app || expanding) return;
  expanding = true;
  let total = 0;
  let announced = 0;
  try {
    await expandPulled(app, {
      pause: betweenSyncs,
      onProgress: (left) => {
        if (left === 0 && total === 0) return;
        total = Math.max(total, left);
        storing = { done: total - left, total };
        if (Date.now() - announced < STORING_ANNOUNCE_MS) return;
        announced = Date.now();
        void announce();
      },
    });
    const settle = async () =>
      void (await settlePulled(app, await schedulers(app), { pause: reviewing.pause }));
    if ('locks' in navigator) await navigator.locks.request(SYNC_LOCK, settle);
    else await settle();
  } catch (error) {
    console.warn('storing pulled reviews failed', error instanceof Error ? error.name : 'error');
  } finally {
    expanding = false;
    if (storing) {
      storing = null;
      void announce();
    }
  }
}

/**
 * One sync, unless sync is off or paused. Asked for while this tab's sync runs (reviews made
 * during a long first push), it runs again right after; while another tab's runs (it may have read
 * its outbox before these reviews), it is tried again AFTER_REVIEWS_MS later.
 */
const syncOnce = oneAtATime(syncNow);

async function syncNow(): Promise<void> {
  const app = db;
  const setup = await loadSetup(sync);
  if (!app || !setup || setup.paused) return;
  // One tab at a time; without Web Locks (older browsers) tabs may sync at once, which is safe
  // (a batch number taken twice is refused by the server) but does the work twice.
  const exclusive = (work: (lock: unknown) => Promise<void>) =>
    'locks' in navigator ? navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, work) : work(true);
  await exclusive(async (lock) => {
    if (!lock) {
      clearTimeout(busyTimer);
      busyTimer = setTimeout(() => void syncOnce(), AFTER_REVIEWS_MS);
      return;
    }
    pendingAtStart = await countUnpushed(app, sync);
    running = true;
    progress = { pushed: 0, pulled: 0 };
    await announce();
    let failure: SyncError['failure'] | null = null;
    const account = JSON.stringify([setup.url, setup.user, setup.password]);
    try {
      await runSync({
        db: app,
        sync,
        remote: checkingFormats(couchDatabase(setup)),
        schedulerFor: await schedulers(app),
        now: () => Date.now(),
        databaseKnown: reached === account,
        onProgress: (report) => {
          const { pushed, pulled } = report;
          progress =
            report.phase === 'replay'
              ? { pushed, pulled, replay: { done: report.replayed, total: report.toReplay } }
              : { pushed, pulled };
          void announce();
        },
        onApplied: (cardIds) => cardIds.forEach(announceReviewed),
        onSettingsChanged: () => settingsChannel.postMessage('changed'),
        pause: reviewing.pause,
      });
      reached = account;
    } catch (error) {
      reached = null;
      failure =
        error instanceof SyncError ? error.failure : error instanceof NewerFormatError ? 'update' : 'local';
      if (failure === 'local') console.warn('sync failed', error instanceof Error ? error.name : 'error');
    }
    const saved = await loadProgress(sync);
    await saveProgress(sync, {
      ...saved,
      lastFailure: failure,
      lastSync: failure ? saved.lastSync : Date.now(),
    });
    running = false;
    progress = null;
    await announce();
    // A server that was down or failed is tried again soon, not only at the next period.
    clearTimeout(retryTimer);
    const transient = failure === 'unreachable' || failure === 'server';
    if (transient && retries < RETRY_MS.length)
      retryTimer = setTimeout(() => void syncOnce(), RETRY_MS[retries++]);
    if (!transient) retries = 0;
  });
  void expandInBackground();
}

/** Sync from now on: at once, after reviews (debounced), when the network returns, and periodically. */
function start(dbName: string) {
  if (started) return;
  started = true;
  db = openDb(dbName);
  onReviewedElsewhere(() => {
    reviewing.reviewed();
    clearTimeout(reviewTimer);
    reviewTimer = setTimeout(() => void syncOnce(), AFTER_REVIEWS_MS);
  });
  self.addEventListener('online', () => void syncOnce());
  setInterval(() => void syncOnce(), PERIOD_MS);
  void syncOnce();
  void expandInBackground();
}

async function test(server: SyncServer): Promise<SetupResult> {
  const issue = serverUrlIssue(server.url);
  if (issue) return { issue };
  try {
    await couchDatabase(server).ensure();
    return null;
  } catch (error) {
    return { failure: error instanceof SyncError ? error.failure : 'local' };
  }
}

async function handle(request: SyncRequest): Promise<unknown> {
  switch (request.kind) {
    case 'start':
      start(request.dbName || DB_NAME);
      return request.status === false ? null : status();
    case 'status':
      return status();
    case 'test':
      return test(request.server);
    case 'setup': {
      const result = await test(request.server);
      if (result) return result;
      await changeSetup(sync, { ...request.server, paused: false });
      void syncOnce();
      return null;
    }
    case 'syncNow':
      await syncOnce();
      return status();
    case 'pause': {
      const setup = await loadSetup(sync);
      if (setup) await saveSetup(sync, { ...setup, paused: request.paused });
      if (!request.paused) void syncOnce();
      await announce();
      return status();
    }
    case 'forget':
      await forgetSetup(sync);
      await announce();
      return status();
  }
}

self.onmessage = (event: MessageEvent<{ id: number; request: SyncRequest }>) => {
  const { id, request } = event.data;
  handle(request).then(
    (result) => self.postMessage({ id, result }),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.name : 'error' }),
  );
};
