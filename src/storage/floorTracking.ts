import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { decksOf, FLOORS, lowerFloors, type FloorRow, type Placed } from './queueFloors';
import { inTurn } from './transactionTurns';
import { writeTracker } from './writeTracker';

const STATES = 'states';

function lower(floors: DBCoreTable, trans: DBCoreTransaction, placed: Placed[]): Promise<unknown> {
  if (placed.length === 0) return Promise.resolve();
  return inTurn(trans, async () => {
    const held = (await floors.getMany({ trans, keys: decksOf(placed) })) as (FloorRow | undefined)[];
    const values = lowerFloors(placed, held);
    return values.length > 0 && floors.mutate({ type: 'put', trans, values });
  });
}

/**
 * Keeps the queue floors (queueFloors.ts) true: every card written to `states` lowers its queue's
 * floor, in the write's own transaction, when it lands below it. Deletes never need to.
 */
export const floorTracking = writeTracker('queue-floors', FLOORS, [STATES], (down, table) => ({
  ...table,
  mutate: (req) =>
    req.type === 'put' || req.type === 'add'
      ? Promise.all([table.mutate(req), lower(down.table(FLOORS), req.trans, req.values as Placed[])]).then(
          ([res]) => res,
        )
      : table.mutate(req),
}));
