import decks from 'virtual:decks';
import type { AppDb } from '../storage/db';
import { syncDecks } from '../storage/deckSync';
import { loadSettings } from '../storage/settings';
import { useAppStore } from '../state/appStore';

/** Opens the database, syncs the bundled decks into it and loads the settings. */
export async function boot(db: AppDb): Promise<void> {
  try {
    await db.open();
    const report = await syncDecks(db, decks);
    const settings = await loadSettings(db);
    useAppStore.getState().ready(settings, report.problems);
    if (report.problems.length) console.warn('Deck problems', report.problems);
  } catch (error) {
    useAppStore.getState().failed(error instanceof Error ? error.message : String(error));
  }
  void requestPersistence();
}

/** Asks the browser not to evict our data; the answer is shown in Settings and, if refused, on every screen. */
async function requestPersistence(): Promise<void> {
  const { setPersist } = useAppStore.getState();
  if (!navigator.storage?.persist) return setPersist('unsupported');
  try {
    const already = await navigator.storage.persisted();
    setPersist(already || (await navigator.storage.persist()) ? 'granted' : 'refused');
  } catch {
    setPersist('unsupported');
  }
}
