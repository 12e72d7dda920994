import type { AppDb } from '../db';
import { PULLED_META } from '../derived/keys';

/** Where a stored block stands (PULLED_META). */
export interface PulledBlockState {
  count: number;
  /** Its first `done` reviews are written into `logs` (expandPulled). */
  done: number;
  /** Its reviews count in the day rollups (settlePulled). */
  counted?: true;
  /** Its cards have the state their reviews replay to (settlePulled). */
  replayed?: true;
}

export interface PulledState {
  blocks: Record<string, PulledBlockState>;
  /** Reviews undone elsewhere that a block may hold: never written into `logs`, out of the rollups. */
  undone: string[];
  /** Reviews were undone since the blocks' cards were last replayed: theirs are replayed again. */
  undoneSince?: true;
}

export async function loadPulled(db: AppDb): Promise<PulledState> {
  const value = (await db.meta.get(PULLED_META))?.value as Partial<PulledState> | undefined;
  return {
    blocks: { ...value?.blocks },
    undone: [...(value?.undone ?? [])],
    ...(value?.undoneSince && { undoneSince: true }),
  };
}

/** Reviews undone elsewhere, which a stored block may hold: left out of it from now on. */
export function noteUndone(state: PulledState, undone: Iterable<string>): PulledState {
  return { ...state, undone: [...new Set([...state.undone, ...undone])], undoneSince: true };
}

/** Stores the state; none at all once no block is left. */
export async function savePulled(db: AppDb, state: PulledState): Promise<void> {
  if (Object.keys(state.blocks).length === 0) await db.meta.delete(PULLED_META);
  else await db.meta.put({ key: PULLED_META, value: state });
}

/** Reviews stored as blocks and not yet written into `logs`: what readers of every review wait for. */
export async function pulledLeft(db: AppDb): Promise<number> {
  const { blocks } = await loadPulled(db);
  return Object.values(blocks).reduce((sum, b) => sum + b.count - b.done, 0);
}

export const settled = (b: PulledBlockState): boolean => b.counted === true && b.replayed === true;
