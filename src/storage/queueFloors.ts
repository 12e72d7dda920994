import Dexie from 'dexie';
import { CardState } from '../domain/scheduling/types';
import type { AppDb, FloorRow } from './schema/rows';

export type { FloorRow };

/**
 * Per role and queue, a due below which that queue holds no card. The queues are read through the
 * `[deckId+queue+due]` index, and every card that leaves a queue leaves a deleted entry behind,
 * which Chromium's LevelDB keeps (and walks over on every read) until it compacts: two years of
 * studied cards made the New range alone cost 240 ms to read from its start. A card leaves a
 * queue from its low end (the first new card, the earliest due review, the earliest learning
 * step), so starting each read at the floor skips nearly all of them.
 *
 * Floors are lowered by every write that puts a card below one (floorTracking.ts, in the write's
 * own transaction: no writer has to remember) and raised after reads (`raiseFloors`). No row, or no
 * entry for a queue: unknown, read from the start.
 */
export const FLOORS = 'floors';

const QUEUES = [CardState.New, CardState.Learning, CardState.Review, CardState.Relearning];

export interface Placed {
  deckId: string;
  queue: number;
  due: number;
}

/** The decks whose floors a write of `placed` may lower, in the order `lowerFloors` expects. */
export const decksOf = (placed: readonly Placed[]): string[] => [...new Set(placed.map((p) => p.deckId))];

/** The floor rows `held` (one per deck of `decksOf(placed)`) lowered to fit the cards written. */
export function lowerFloors(placed: readonly Placed[], held: readonly (FloorRow | undefined)[]): FloorRow[] {
  const rows = new Map(decksOf(placed).map((d, i) => [d, held[i]]));
  const changed = new Map<string, FloorRow>();
  for (const { deckId, queue, due } of placed) {
    const row = changed.get(deckId) ?? rows.get(deckId);
    const floor = row?.floors[queue];
    if (row && floor !== undefined && due < floor)
      changed.set(deckId, { deckId, floors: { ...row.floors, [queue]: due } });
  }
  return [...changed.values()];
}

export async function readFloors(
  db: AppDb,
  deckIds: readonly string[],
): Promise<Map<string, FloorRow['floors']>> {
  const rows = await db.floors.bulkGet([...deckIds]);
  return new Map(deckIds.map((id, i) => [id, rows[i]?.floors ?? {}]));
}

/** A queue's range from its floor (or its start) up to `below` (excluded). */
export const queueRange = (
  db: AppDb,
  deckId: string,
  queue: number,
  floor: number | undefined,
  below: unknown = Dexie.maxKey,
) =>
  db.states
    .where('[deckId+queue+due]')
    .between([deckId, queue, floor ?? Dexie.minKey], [deckId, queue, below], true, false);

/**
 * Whether a queue's range up to `below` is known to be empty (its floor at or past its end). Such
 * a range is not read at all: even an empty read walks the deleted entries after the range up to
 * the next live one.
 */
export const knownEmpty = (floor: number | undefined, below = Infinity): boolean =>
  floor !== undefined && floor >= below;

/** Whether what a read saw from a queue's floor shows the floor could move up. */
export function couldRaise(
  floor: number | undefined,
  firstSeen: number | undefined,
  seenUpTo: number,
): boolean {
  const lowest = firstSeen ?? seenUpTo;
  return floor === undefined || lowest > floor;
}

/**
 * Moves the floors of these queues up to the lowest due each holds now: its own read-write
 * transaction, so no write can slip a card in below between the read and the new floor.
 */
export function raiseFloors(db: AppDb, queues: ReadonlyMap<string, readonly number[]>): Promise<void> {
  if (queues.size === 0) return Promise.resolve();
  return db.transaction('rw', db.floors, db.states, async () => {
    const floors = await readFloors(db, [...queues.keys()]);
    const rows = await Promise.all(
      [...queues].map(async ([deckId, qs]) => {
        const held = floors.get(deckId) ?? {};
        const lowest = await Promise.all(qs.map((q) => queueRange(db, deckId, q, held[q]).first()));
        const next = { ...held };
        qs.forEach((q, k) => (next[q] = lowest[k]?.due ?? Infinity));
        return { deckId, floors: next };
      }),
    );
    await db.floors.bulkPut(rows);
  });
}

/** Finds every queue's floor for these decks at once: what their first queue reads would do. */
export const establishFloors = (db: AppDb, deckIds: readonly string[]): Promise<void> =>
  raiseFloors(db, new Map(deckIds.map((id) => [id, QUEUES])));

/** v5 kept the New floors by hand, as `{ [deckId]: position }` under the `newFrom` setting. */
export function floorsFromHints(hints: unknown): FloorRow[] {
  if (typeof hints !== 'object' || hints === null) return [];
  return Object.entries(hints).flatMap(([deckId, position]) =>
    typeof position === 'number' ? [{ deckId, floors: { [CardState.New]: position } }] : [],
  );
}
