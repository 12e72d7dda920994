import type { Scores } from '../domain/optimizer/evaluate';
import { readParams, withEntry, type FsrsParams, type ParamsScope } from '../domain/optimizer/params';
import type { AppDb } from './db';

export const FSRS_PARAMS_KEY = 'fsrsParams';

/** The stored parameters per scope and their history; a stored value that is not valid reads as none. */
export async function loadFsrsParams(db: AppDb): Promise<FsrsParams> {
  const row = await db.settings.get(FSRS_PARAMS_KEY);
  return readParams(row?.value);
}

async function update(db: AppDb, change: (params: FsrsParams) => FsrsParams): Promise<FsrsParams> {
  // Loaded before the transaction: awaiting an import inside it would lose Dexie's transaction zone.
  const { fsrsParamsSchema } = await import('../domain/optimizer/paramsSchema');
  return db.transaction('rw', db.settings, async () => {
    const next = change(await loadFsrsParams(db));
    const checked = fsrsParamsSchema.safeParse(next);
    if (!checked.success)
      throw new Error(`FSRS parameters out of range: ${checked.error.issues[0]?.message}`);
    await db.settings.put({ key: FSRS_PARAMS_KEY, value: next });
    return next;
  });
}

/**
 * Records an optimization of `scope` and adopts the fitted parameters only if they score better
 * than the ones in use on the same history. Returns the stored record.
 */
export const recordOptimization = (
  db: AppDb,
  scope: ParamsScope,
  at: number,
  w: number[],
  before: Scores,
  fitted: Scores,
): Promise<FsrsParams> =>
  // The adoption rule loads with the optimizer, not with the boot that reads the parameters.
  import('../domain/optimizer/adopt').then(({ optimizationEntry }) =>
    update(db, (p) => withEntry(p, scope, optimizationEntry(at, w, before, fitted))),
  );

/** "Back to defaults": the scope's parameters are dropped (a role then uses the global ones), and recorded. */
export const resetFsrsParams = (db: AppDb, scope: ParamsScope, at: number): Promise<FsrsParams> =>
  update(db, (p) =>
    withEntry(p, scope, {
      at,
      kind: 'defaults',
      reviews: 0,
      before: null,
      fitted: null,
      w: null,
      adopted: false,
    }),
  );
