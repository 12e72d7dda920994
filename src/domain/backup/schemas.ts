import '../jitless';
import { z } from 'zod';
import { cardSchema, localizedSchema } from '../deck/schema';
import { isUserDeckId } from '../import/userDeck';

export { INVALID_DATE, isTime, MAX_TIME, MIN_TIME } from '../scheduling/valid';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const count = z.number().int().min(0);

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

export const countsSchema = z.strictObject({ decks: count, cards: count, states: count, logs: count });
