import Dexie from 'dexie';
import { rescheduler } from '../domain/optimizer/reschedule';
import type { SchedulerOptions } from '../domain/scheduling/scheduler';
import { collectAll, collectDeck } from './backup/collect';
import { writeSnapshot } from './backup/snapshot';
import { fromRow, toRow, type AppDb } from './db';
import { logsByCard } from '../domain/scheduling/logsByCard';
import { expandPulled } from './sync/expandPulled';

export interface RescheduleSummary {
  /** Cards given a new state. */
  rescheduled: number;
  /** Studied cards left as they were: the new parameters put them where they are, or their history is not all here. */
  kept: number;
}

/**
 * Reschedules the studied cards of the roles in `optionsByDeck`, each with its scheduler options
 * (the new parameters among them), in one transaction that first keeps the automatic snapshot:
 * one role's data, or everything when several roles are rescheduled. If anything fails, nothing
 * has changed, not even the snapshot.
 */
export async function rescheduleCards(
  db: AppDb,
  optionsByDeck: Readonly<Record<string, SchedulerOptions>>,
  now: number,
): Promise<RescheduleSummary> {
  // Every review must be here: a large pull's blocks are written into `logs` first.
  await expandPulled(db);
  const deckIds = Object.keys(optionsByDeck);
  const tables = [db.decks, db.cards, db.states, db.logs, db.settings, db.days, db.mocks, db.notes];
  return db.transaction('rw', tables, async () => {
    if (deckIds.length === 1)
      await writeSnapshot(db, await collectDeck(db, deckIds[0]!, now), 'reschedule', {
        kind: 'deck',
        deckId: deckIds[0]!,
      });
    else await writeSnapshot(db, await collectAll(db, now), 'reschedule', { kind: 'all' });
    const summary: RescheduleSummary = { rescheduled: 0, kept: 0 };
    for (const deckId of deckIds) {
      const [rows, logs] = await Promise.all([
        db.states.where('deckId').equals(deckId).toArray(),
        db.logs.where('[deckId+review]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray(),
      ]);
      const byCard = logsByCard(logs);
      const reschedule = rescheduler(optionsByDeck[deckId]!);
      const changed = [];
      for (const row of rows) {
        const state = fromRow(row);
        if (state.lastReview === null || state.hidden === 'retired') continue;
        const next = reschedule(state, byCard.get(state.cardId) ?? []);
        if (next) changed.push(toRow(next));
        else summary.kept++;
      }
      if (changed.length) await db.states.bulkPut(changed);
      summary.rescheduled += changed.length;
    }
    return summary;
  });
}
