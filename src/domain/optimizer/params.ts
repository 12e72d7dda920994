import type { Scores } from './evaluate';

/** Where a parameter set applies: every role (`global`) or one role, by its deck id. */
export type ParamsScope = string;
export const GLOBAL_SCOPE = 'global';

/** One optimization (or a return to the defaults), as the history lists it. */
export interface ParamsHistoryEntry {
  at: number;
  kind: 'optimized' | 'defaults';
  /** Reviews the parameters were scored on. */
  reviews: number;
  /** The parameters in use before, and the ones fitted, on the same history (null for `defaults`). */
  before: Scores | null;
  fitted: Scores | null;
  /** The fitted parameters, adopted or not. */
  w: number[] | null;
  adopted: boolean;
}

export interface ScopeParams {
  /** The parameters in use for this scope; null: FSRS's defaults (or, for a role, the global ones). */
  w: number[] | null;
  history: ParamsHistoryEntry[];
}

/** Stored under the settings key `fsrsParams`. */
export type FsrsParams = Record<ParamsScope, ScopeParams>;

/** The history keeps this many entries per scope, newest last. */
export const HISTORY_LIMIT = 50;

/**
 * Each parameter's bounds, as ts-fsrs clamps FSRS-6 parameters with short-term memory on
 * (`CLAMP_PARAMETERS`; a test keeps them equal). Written out so that the app's first bundle,
 * which reads the stored parameters, does not carry ts-fsrs.
 */
export const PARAM_BOUNDS: readonly (readonly [number, number])[] = [
  [0.001, 100],
  [0.001, 100],
  [0.001, 100],
  [0.001, 100],
  [1, 10],
  [0.001, 4],
  [0.001, 4],
  [0.001, 0.75],
  [0, 4.5],
  [0, 0.8],
  [0.001, 3.5],
  [0.001, 5],
  [0.001, 0.25],
  [0.001, 0.9],
  [0, 4],
  [0, 1],
  [1, 6],
  [0, 2],
  [0, 2],
  [0.01, 0.8],
  [0.1, 0.8],
];

/**
 * The parameters as fsrs-rs returns them, in the bounds above. It trains in 32-bit floats and
 * clamps each parameter to the same bounds there, so a parameter held at a bound with no exact
 * 32-bit value (0.8, 0.01) comes back just outside it (0.800000011920929): that value is the
 * bound. Any other value is kept as it is, and one truly out of range is still refused.
 */
export function fromEngine(w: ArrayLike<number>): number[] {
  return Array.from(w, (v, i) => {
    const [min, max] = PARAM_BOUNDS[i] ?? [v, v];
    if (v < min && Math.fround(v) === Math.fround(min)) return min;
    if (v > max && Math.fround(v) === Math.fround(max)) return max;
    return v;
  });
}

/** FSRS-6 parameters as ts-fsrs accepts them: 21 finite numbers, each within its bounds. */
export function areValidWeights(w: unknown): w is number[] {
  return (
    Array.isArray(w) &&
    w.length === PARAM_BOUNDS.length &&
    w.every(
      (v, i) =>
        typeof v === 'number' && Number.isFinite(v) && v >= PARAM_BOUNDS[i]![0] && v <= PARAM_BOUNDS[i]![1],
    )
  );
}

/**
 * Stored parameters as the scheduler may use them, read without a schema library (this runs at
 * boot, in the first bundle): a scope whose parameters are not valid FSRS-6 ones is dropped.
 * The full check of what is written (paramsSchema.ts) runs where parameters are saved or restored.
 */
export function readParams(value: unknown): FsrsParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: FsrsParams = {};
  for (const [scope, record] of Object.entries(value)) {
    if (typeof record !== 'object' || record === null) continue;
    const { w, history } = record as { w?: unknown; history?: unknown };
    if (w !== null && !areValidWeights(w)) continue;
    out[scope] = { w, history: Array.isArray(history) ? (history as ParamsHistoryEntry[]) : [] };
  }
  return out;
}

/** The parameters that schedule a role's cards: its own, else the global ones, else none (defaults). */
export function weightsFor(params: FsrsParams, deckId: string): number[] | undefined {
  return params[deckId]?.w ?? params[GLOBAL_SCOPE]?.w ?? undefined;
}

/** The scope's record after one more history entry (and the parameters it leaves in use). */
export function withEntry(params: FsrsParams, scope: ParamsScope, entry: ParamsHistoryEntry): FsrsParams {
  const prior = params[scope] ?? { w: null, history: [] };
  const w = entry.kind === 'defaults' ? null : entry.adopted ? entry.w : prior.w;
  return { ...params, [scope]: { w, history: [...prior.history, entry].slice(-HISTORY_LIMIT) } };
}
