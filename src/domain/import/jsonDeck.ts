import { deckSchema, type Deck } from '../deck/schema';
import { validateDeck } from '../deck/validate';
import type { DeckTarget } from './deckTarget';
import { nameAsTitle } from './deckTarget';
import { capProblems, type DataProblem, type Parsed } from './problem';
import { reasonOfIssue, reasonOfMessage } from './reason';
import { cardIdIn } from './userDeck';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const looksLikeBackup = (raw: unknown): boolean =>
  isRecord(raw) && typeof raw.format === 'string' && raw.format.includes('backup');

/** The title the file gives its deck, to offer as the name. */
export function jsonDeckTitle(raw: unknown, lang: 'en' | 'zh'): string | null {
  if (!isRecord(raw) || !isRecord(raw.title)) return null;
  const title = raw.title[lang] ?? raw.title.en;
  return typeof title === 'string' && title.trim() ? title.trim() : null;
}

/**
 * A deck in the app's JSON format, moved into the user deck the user named: card ids keep their
 * slug (`rag.chunking` → `user-my-rag.chunking`), so re-importing an edited file keeps progress.
 * The file is validated as it is first, so problems name the card ids the user sees in it.
 */
export function deckFromJson(raw: unknown, target: DeckTarget): Parsed<Deck> {
  if (looksLikeBackup(raw)) return { ok: false, problems: [{ code: 'isBackup' }] };
  const original = validateDeck(raw, target.fileName);
  if (!original.ok) {
    return {
      ok: false,
      problems: capProblems(
        original.problems.map((p): DataProblem => ({
          code: 'invalid',
          field: p.field,
          reason: p.reason ?? reasonOfMessage(p.message),
          ...(p.cardId ? { cardId: p.cardId } : {}),
        })),
      ),
    };
  }
  const source = original.deck;
  const keepTitle = [source.title.en, source.title.zh].includes(target.name.trim());
  const moved = {
    id: target.deckId,
    version: source.version,
    title: keepTitle ? source.title : nameAsTitle(target.name),
    description: source.description,
    ...(source.topics ? { topics: source.topics } : {}),
    cards: source.cards.map((card) => ({ ...card, id: cardIdIn(target.deckId, card.id) })),
  };
  const result = deckSchema.safeParse(moved);
  if (!result.success) {
    return {
      ok: false,
      problems: capProblems(
        result.error.issues.map((issue): DataProblem => {
          const index = issue.path[0] === 'cards' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
          const cardId = index === null ? undefined : source.cards[index]?.id;
          return {
            code: 'invalid',
            field: issue.path.join('.') || 'name',
            reason: reasonOfIssue(issue, moved),
            ...(cardId ? { cardId } : {}),
          };
        }),
      ),
    };
  }
  return { ok: true, value: result.data, warnings: [] };
}
