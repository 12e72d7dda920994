import type { FsrsParams } from '../../domain/optimizer/params';
import { fsrsParamsSchema } from '../../domain/optimizer/paramsSchema';
import type { AppDb } from '../db';
import { FSRS_PARAMS_KEY } from '../fsrsParams';

/** Parameters merged from another device, stored only if every scope passes the full check. */
export async function saveSyncedFsrsParams(db: AppDb, params: FsrsParams): Promise<void> {
  const checked = fsrsParamsSchema.safeParse(params);
  if (!checked.success) throw new Error(`FSRS parameters out of range: ${checked.error.issues[0]?.message}`);
  await db.settings.put({ key: FSRS_PARAMS_KEY, value: params });
}
