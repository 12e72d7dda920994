import { z } from 'zod';
import { cardSchema, localizedSchema } from '../deck/schema';
import { isUserDeckId } from '../import/userDeck';
import { isStep } from '../settings/settings';

/** Reviews happen between these dates; anything else is a corrupted or invented timestamp. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2200, 0, 1);
export const INVALID_DATE = 'is not a valid date';

export const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_TIME && v < MAX_TIME;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const cardIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

const time = z.number().refine(isTime, INVALID_DATE);
const count = z.number().int().min(0);
const nonNegative = z.number().min(0);

export const stateSchema = z
  .strictObject({
    cardId: z.string().max(120).regex(cardIdPattern),
    deckId: z.string().max(60).regex(slug),
    state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    due: nonNegative,
    stability: nonNegative,
    difficulty: nonNegative,
    scheduledDays: nonNegative,
    learningSteps: count,
    reps: count,
    lapses: count,
    lastReview: time.nullable(),
    hidden: z.enum(['suspended', 'retired']).nullable(),
  })
  .superRefine((s, ctx) => {
    // A new card's `due` is its position in the deck; every other state's is a time.
    if (s.state !== 0 && !isTime(s.due))
      ctx.addIssue({ code: 'custom', path: ['due'], message: INVALID_DATE });
    if (!s.cardId.startsWith(`${s.deckId}.`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cardId'],
        message: `must start with the deck id "${s.deckId}."`,
      });
    }
  });

export const cardRecordSchema = cardSchema.extend({
  deckId: z.string().max(60),
  position: count,
  hash: z.string().max(64),
  retired: z.boolean(),
});

export const deckRecordSchema = z.strictObject({
  id: z
    .string()
    .max(60)
    .regex(slug)
    .refine(isUserDeckId, 'must be an imported deck ("user-…"); built-in decks come with the app'),
  version: z.number().int().min(1),
  title: localizedSchema(200),
  description: localizedSchema(2_000),
  topics: z.record(z.string().regex(slug), localizedSchema(100)),
  source: z.literal('user'),
  hash: z.string().max(64),
  cardCount: count,
});

export const userDeckSchema = z.strictObject({
  deck: deckRecordSchema,
  cards: z.array(cardRecordSchema).max(20_000),
});

const step = z.string().refine(isStep, 'must be a step like "10m", "1h" or "1d"');

const roleSettingsSchema = z
  .looseObject({
    enabled: z.boolean(),
    newPerDay: z.number().int().min(0).max(10_000),
    maxReviewsPerDay: z.number().int().min(0).max(100_000),
    desiredRetention: z.number().min(0.5).max(0.999).nullable(),
  })
  .partial();

/** Loose on purpose: settings gain fields over time, and the app fills in what is missing. */
export const settingsSchema = z
  .looseObject({
    language: z.enum(['en', 'zh']).nullable(),
    showBothLanguages: z.boolean(),
    rolloverHour: z.number().int().min(0).max(23),
    desiredRetention: z.number().min(0.5).max(0.999),
    learningSteps: z.array(step).max(20),
    relearningSteps: z.array(step).max(20),
    fuzz: z.boolean(),
    maximumInterval: z.number().int().min(1).max(36_500),
    roles: z.record(z.string().max(100), roleSettingsSchema),
  })
  .partial();

export const countsSchema = z.strictObject({ decks: count, cards: count, states: count, logs: count });
