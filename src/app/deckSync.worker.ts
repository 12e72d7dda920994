import { openDb } from '../storage/openDb';
import { runDeckSync } from './deckSyncRun';

/** Deck JSON, its validation (zod) and the bulk writes stay off the main thread. */
const db = openDb();

self.onmessage = async (event: MessageEvent<{ first: string[] }>) => {
  try {
    const rest = await runDeckSync(db, new Set(event.data.first), (report) =>
      self.postMessage({ phase: 'first', report }),
    );
    self.postMessage({ phase: 'rest', report: rest });
  } catch (error) {
    self.postMessage({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
};
