import deckHashes from 'virtual:deck-hashes';
import { roleSettings } from '../domain/settings/settings';
import { prepareUpgrades } from '../storage/appDb';
import type { AppDb } from '../storage/db';
import type { SyncReport } from '../storage/deckSync';
import { loadSettings } from '../storage/settings';
import { loadFsrsParams } from '../storage/fsrsParams';
import { pendingReviewKeys } from '../storage/journalKeys';
import { announceReviewed } from '../state/tabChannel';
import { useAppStore, type PersistStatus } from '../state/appStore';
import { rememberedPersist, rememberPersist } from './persistMemory';
import { bannersLoaded } from './BannersGate';
import { preloadLikelyWelcome, startWelcomeIfDue, welcomeShown } from './WelcomeGate';

type SyncMessage = { phase: 'first' | 'rest'; report: SyncReport } | { phase: 'error'; error: string };

/**
 * Syncs the bundled decks in a worker: resolves once the decks the user studies are in, and
 * calls `onRest` when the others are. Without workers (tests), runs the same code inline.
 */
function syncInBackground(
  db: AppDb,
  first: string[],
  onRest: (report: SyncReport) => void,
): Promise<SyncReport> {
  if (typeof Worker === 'undefined') {
    return new Promise((resolve, reject) => {
      void import('./deckSyncRun')
        .then((m) => m.runDeckSync(db, new Set(first), resolve))
        .then(onRest, reject);
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./deckSync.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SyncMessage>) => {
      const message = event.data;
      if (message.phase === 'error') {
        worker.terminate();
        reject(new Error(message.error));
      } else if (message.phase === 'first') resolve(message.report);
      else {
        worker.terminate();
        onRest(message.report);
      }
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ first });
  });
}

/** Opens the database, loads the settings and syncs the bundled decks, those in use first. */
export async function boot(db: AppDb): Promise<void> {
  // The browser's language for the loading screen, then the chosen one before the first screen.
  void useAppStore.getState().prepareLanguage(useAppStore.getState().settings);
  try {
    await prepareUpgrades(db);
    // localStorage from here on, not in the task that ran the app's code: the first read of a
    // start loads the whole store from disk (8-14 ms on a first visit here), a task of its own.
    preloadLikelyWelcome();
    // Last time's answer on persistent storage until this start's comes (requestPersistence).
    const remembered = rememberedPersist();
    if (remembered) useAppStore.getState().setPersist(remembered);
    await db.open();
    await replayReviews(db);
    const settings = await loadSettings(db);
    const welcome = startWelcomeIfDue(settings);
    await useAppStore.getState().prepareLanguage(settings);
    useAppStore.getState().setFsrsParams(await loadFsrsParams(db));
    // A notice shown with the first screen comes with it, never a moment later (BannersGate).
    await bannersLoaded();
    if (await decksUpToDate(db)) {
      // The usual start: no deck changed, so no worker, no deck JSON, no validation.
      useAppStore.getState().ready(settings, []);
      void requestPersistence();
      return;
    }
    // A first visit shows the welcome while the first decks are stored; other screens wait for them.
    // The decks (about a megabyte) start downloading once the welcome is on screen: on a slow
    // network they would otherwise share its bandwidth and hold it back.
    if (welcome) {
      await welcome;
      useAppStore.getState().readyBeforeDecks(settings);
      await welcomeShown();
    }
    const studied = Object.keys(settings.roles).filter((id) => roleSettings(settings, id).enabled);
    const firstDecks = syncInBackground(db, ['fundamentals', ...studied, ...roleInUrl()], (rest) => {
      const store = useAppStore.getState();
      if (rest.problems.length) console.warn('Deck problems', rest.problems);
      store.addDeckProblems(rest.problems);
      if (rest.synced.length) store.dataChanged();
    });
    const first = await firstDecks;
    if (welcome) useAppStore.getState().decksStored(first.problems);
    else useAppStore.getState().ready(settings, first.problems);
  } catch (error) {
    useAppStore.getState().failed(error instanceof Error ? error.message : String(error));
  }
  void requestPersistence();
}

/** Ratings the page went away before writing (see reviewJournal) are written before any queue loads. */
async function replayReviews(db: AppDb): Promise<void> {
  if (pendingReviewKeys().length === 0) return;
  try {
    const { replayJournal } = await import('../storage/reviewReplay');
    const { written } = await replayJournal(db, Date.now());
    for (const cardId of written) announceReviewed(cardId);
  } catch (error) {
    console.warn('Pending reviews could not be replayed', error);
  }
}

async function decksUpToDate(db: AppDb): Promise<boolean> {
  const stored = new Map((await db.decks.toArray()).map((d) => [d.id, d.hash]));
  return deckHashes.every((d) => stored.get(d.id) === d.hash);
}

/** A deep link to a role (`/roles/rag`, `/review/rag`) should not wait for every other deck. */
function roleInUrl(): string[] {
  const match = /^\/(?:roles|review)\/([a-z0-9-]+)/.exec(location.pathname);
  return match?.[1] ? [match[1]] : [];
}

/** Asks the browser not to evict our data; the answer is shown in Settings and, if refused, on every screen. */
async function requestPersistence(): Promise<void> {
  const setPersist = (status: PersistStatus) => {
    rememberPersist(status);
    useAppStore.getState().setPersist(status);
  };
  if (!navigator.storage?.persist) return setPersist('unsupported');
  try {
    const already = await navigator.storage.persisted();
    setPersist(already || (await navigator.storage.persist()) ? 'granted' : 'refused');
  } catch {
    setPersist('unsupported');
  }
}
