import Dexie from 'dexie';
import { unburied } from '../domain/cards/cardState';
import type { SchedState } from '../domain/scheduling/types';
import { BURIED_QUEUE, fromRow, toRow, type AppDb } from './db';

/** The buried cards of these roles whose day has come (read inside the caller's transaction). */
export async function buriedToWake(
  db: AppDb,
  deckIds: readonly string[],
  dayStart: number,
): Promise<SchedState[]> {
  const rows = await Promise.all(
    deckIds.map((id) =>
      db.states
        .where('[deckId+queue+due]')
        .between([id, BURIED_QUEUE, Dexie.minKey], [id, BURIED_QUEUE, Dexie.maxKey])
        .toArray(),
    ),
  );
  return rows
    .flat()
    .map(fromRow)
    .filter((s) => unburied(s, dayStart) !== s);
}

/** Puts buried cards whose day has come back in their queues (each only if still buried). */
export async function wakeBuried(db: AppDb, cardIds: readonly string[], dayStart: number): Promise<void> {
  await db.transaction('rw', db.states, async () => {
    const rows = await db.states.bulkGet([...cardIds]);
    const woken = rows.flatMap((row) => {
      if (!row) return [];
      const state = fromRow(row);
      const next = unburied(state, dayStart);
      return next === state ? [] : [toRow(next)];
    });
    if (woken.length) await db.states.bulkPut(woken);
  });
}
