import '../jitless';
import { z } from 'zod';
import { NOTE_MAX_CHARS, type CardNote } from '../cards/note';
import type { MockInterview } from '../mock/mockInterview';
import { cardIdPattern, isTime } from '../scheduling/valid';

const time = z.number().refine(isTime, 'is not a valid date');
const ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3_600_000);
const deckId = z.string().max(60);
const cardId = z.string().max(120).regex(cardIdPattern);

/** A mock interview as a backup holds it: every value within what the app writes. */
export const mockSchema: z.ZodType<MockInterview> = z
  .strictObject({
    id: z.string().min(1).max(100),
    startedAt: time,
    finishedAt: time.nullable(),
    seed: z.number().int(),
    roles: z.array(deckId).max(100),
    questions: z.array(z.strictObject({ cardId, deckId, topic: z.string().max(60), limitMs: ms })).max(50),
    answers: z
      .array(
        z.strictObject({
          cardId,
          deckId,
          topic: z.string().max(60),
          ticked: z.array(z.number().int().min(0).max(4)).max(5),
          total: z.number().int().min(0).max(5),
          timeMs: ms,
          limitMs: ms,
          followUp: z.enum(['well', 'partly', 'not']).nullable(),
          logId: z.string().max(100).nullable(),
        }),
      )
      .max(50),
    countAsReviews: z.boolean(),
  })
  .refine((m) => m.answers.length <= m.questions.length, {
    message: 'more answers than questions',
    path: ['answers'],
  });

/** A card note as a backup holds it. */
export const noteSchema: z.ZodType<CardNote> = z
  .strictObject({ cardId, deckId, text: z.string().max(NOTE_MAX_CHARS), updated: time })
  .refine((n) => n.cardId.startsWith(`${n.deckId}.`), {
    message: 'must belong to its deck',
    path: ['cardId'],
  });
