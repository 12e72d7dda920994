import { z } from 'zod';
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

/** FSRS-6 parameters as ts-fsrs accepts them: 21 finite numbers, each within its bounds. */
export const weightsSchema = z
  .array(z.number())
  .length(21, 'must be 21 FSRS-6 parameters')
  .superRefine((w, ctx) => {
    w.forEach((v, i) => {
      const [min, max] = PARAM_BOUNDS[i]!;
      if (!Number.isFinite(v) || v < min || v > max)
        ctx.addIssue({ code: 'custom', path: [i], message: `must be between ${min} and ${max}` });
    });
  });

const scoresSchema = z.strictObject({
  logLoss: z.number().min(0).max(100),
  rmseBins: z.number().min(0).max(1),
  reviews: z.number().int().min(0).max(1e9),
});

const entrySchema = z.strictObject({
  at: z.number().int().min(946_684_800_000).max(4_102_444_800_000),
  kind: z.enum(['optimized', 'defaults']),
  reviews: z.number().int().min(0).max(1e9),
  before: scoresSchema.nullable(),
  fitted: scoresSchema.nullable(),
  w: weightsSchema.nullable(),
  adopted: z.boolean(),
});

/** What restore accepts under `fsrsParams`, and what the store reads back. */
export const fsrsParamsSchema = z.record(
  z.string().min(1).max(100),
  z.strictObject({ w: weightsSchema.nullable(), history: z.array(entrySchema).max(HISTORY_LIMIT) }),
);

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
