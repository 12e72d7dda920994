import { z } from 'zod';

/** Kebab-case slug: lowercase letters and digits, single hyphens between. */
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Card ids are `<deck-id>.<slug>`; progress is keyed by them, so they never change. */
const cardIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => s.length === 0 || s.trim().length > 0, { message: 'must not be blank' });

/** Text given in both languages. Both are required and non-empty. */
export const localizedSchema = (max = 20_000) => z.strictObject({ en: text(max), zh: text(max) });

const safeUrl = z
  .string()
  .max(2_000)
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' });

export const cardTypes = ['concept', 'scenario', 'design', 'derivation', 'coding', 'behavioral'] as const;

export const cardSchema = z.strictObject({
  id: z.string().max(120).regex(cardIdPattern, 'must look like "<deck-id>.<kebab-slug>"'),
  topic: z.string().max(60).regex(slug, 'must be a kebab-case slug'),
  tags: z.array(z.string().max(40).regex(slug, 'must be a kebab-case slug')).max(12),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  type: z.enum(cardTypes),
  question: localizedSchema(2_000),
  answer: localizedSchema(),
  /** 3–5 atomic statements an interviewer listens for; the review is graded against them. */
  keyPoints: z.array(localizedSchema(400)).min(3).max(5).optional(),
  followUps: z.array(localizedSchema(2_000)).max(10).optional(),
  pitfalls: localizedSchema(5_000).optional(),
  references: z
    .array(z.strictObject({ title: text(300), url: safeUrl }))
    .max(10)
    .optional(),
});

export const deckSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().max(60).regex(slug, 'must be a kebab-case slug'),
    version: z.number().int().min(1),
    title: localizedSchema(200),
    description: localizedSchema(2_000),
    /** Display names for the `topic` slugs used by the cards. */
    topics: z.record(z.string().regex(slug), localizedSchema(100)).optional(),
    cards: z.array(cardSchema).min(1).max(20_000),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>();
    deck.cards.forEach((card, i) => {
      if (seen.has(card.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i, 'id'],
          message: `duplicate card id "${card.id}"`,
          params: { reason: 'duplicateCardId', values: { id: card.id } },
        });
      }
      seen.add(card.id);
      if (!card.id.startsWith(`${deck.id}.`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', i, 'id'],
          message: `must start with the deck id "${deck.id}."`,
          params: { reason: 'cardIdPrefix', values: { prefix: `${deck.id}.` } },
        });
      }
    });
  });

export type Localized = z.infer<ReturnType<typeof localizedSchema>>;
export type CardType = (typeof cardTypes)[number];
export type DeckCard = z.infer<typeof cardSchema>;
export type Deck = z.infer<typeof deckSchema>;
