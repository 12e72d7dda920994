import decks from 'virtual:decks';
import type { AppDb } from '../storage/db';
import { syncDecks, type SyncReport } from '../storage/deckSync';

/**
 * Syncs the bundled decks: first those the user studies (so Today can show them), then the rest.
 * Runs in the deck-sync worker; the same code runs inline where there are no workers.
 */
export async function runDeckSync(
  db: AppDb,
  first: ReadonlySet<string>,
  onFirst: (report: SyncReport) => void,
): Promise<SyncReport> {
  const early = decks.filter((d) => first.has(d.id));
  const firstReport = await syncDecks(db, early);
  onFirst(firstReport);
  return syncDecks(
    db,
    decks.filter((d) => !first.has(d.id)),
  );
}
