import '../jitless';
import { z } from 'zod';
import { HISTORY_LIMIT, PARAM_BOUNDS } from './params';

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
