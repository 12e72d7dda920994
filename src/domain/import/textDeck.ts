import { cardSchema, deckSchema, type Deck, type DeckCard } from '../deck/schema';
import { cardTextProblems } from '../deck/validate';
import type { TextNote } from './ankiText';
import { importedFrom, nameAsTitle, type DeckTarget } from './deckTarget';
import { capProblems, type DataProblem, type DataWarning, type Parsed } from './problem';
import { reasonOfIssue } from './reason';
import { cardIdFromFront, cardIdIn, slugify } from './userDeck';

const MAX_TAGS = 12;
const MAX_CARDS = 20_000;
export const TEXT_TOPIC = 'general';

/** Anki tags (`Chemistry::Organic`) as kebab-case slugs; tags with no Latin letters cannot be kept. */
function tagsOf(note: TextNote, warnings: DataWarning[]): string[] {
  const dropped = note.tags.filter((t) => !slugify(t));
  if (dropped.length) {
    warnings.push({
      code: 'tagsDropped',
      row: note.row,
      line: note.line,
      field: 'tags',
      detail: dropped.join(' '),
    });
  }
  const kept = [...new Set(note.tags.map((t) => slugify(t)).filter(Boolean))];
  if (kept.length > MAX_TAGS) {
    warnings.push({
      code: 'tagsCapped',
      row: note.row,
      line: note.line,
      field: 'tags',
      detail: String(MAX_TAGS),
    });
  }
  return kept.slice(0, MAX_TAGS);
}

const fieldName = (path: readonly PropertyKey[]): string => {
  const part = path[0];
  if (part === 'question') return 'front';
  if (part === 'answer') return 'back';
  return String(part ?? 'id');
};

/**
 * Front/back notes as a user deck. The same text is used for both languages (a text file has one).
 * A card's id comes from its GUID column when there is one, else from its front, so re-importing
 * an edited file finds the same cards and keeps their progress.
 */
export function deckFromNotes(notes: TextNote[], target: DeckTarget): Parsed<Deck> {
  const problems: DataProblem[] = [];
  const warnings: DataWarning[] = [];
  if (notes.length === 0) return { ok: false, problems: [{ code: 'empty' }] };
  if (notes.length > MAX_CARDS)
    return { ok: false, problems: [{ code: 'tooManyCards', detail: String(MAX_CARDS) }] };
  const seen = new Map<string, number>();
  const cards = notes.map((note): DeckCard => {
    const where = { row: note.row, line: note.line };
    const before = problems.length;
    const id = note.guid ? cardIdIn(target.deckId, note.guid) : cardIdFromFront(target.deckId, note.front);
    if (note.back === null) problems.push({ code: 'noBack', ...where });
    else if (!note.back) problems.push({ code: 'emptyField', ...where, field: 'back' });
    if (!note.front) problems.push({ code: 'emptyField', ...where, field: 'front' });
    const first = seen.get(id);
    if (first !== undefined) problems.push({ code: 'duplicateRow', ...where, detail: String(first) });
    else seen.set(id, note.line);
    const back = note.back ?? '';
    const card: DeckCard = {
      id,
      topic: TEXT_TOPIC,
      tags: tagsOf(note, warnings),
      difficulty: 2,
      type: 'concept',
      question: { en: note.front, zh: note.front },
      answer: { en: back, zh: back },
    };
    // Each row is checked on its own, so one pass reports every row that is wrong.
    if (problems.length === before) {
      const checked = cardSchema.safeParse(card);
      if (checked.success)
        problems.push(
          ...dedupe(
            cardTextProblems(card).map(({ field, reason }) => ({
              code: 'invalid' as const,
              ...where,
              field: fieldName([field.split('.')[0]!]),
              reason,
            })),
          ),
        );
      else
        problems.push(
          ...dedupe(
            checked.error.issues.map((issue) => ({
              code: 'invalid',
              ...where,
              field: fieldName(issue.path),
              reason: reasonOfIssue(issue, card),
            })),
          ),
        );
    }
    return card;
  });
  if (problems.length) return { ok: false, problems: capProblems(problems) };
  const deck = {
    id: target.deckId,
    version: 1,
    title: nameAsTitle(target.name),
    description: importedFrom(target.fileName),
    topics: { [TEXT_TOPIC]: { en: 'General', zh: '通用' } },
    cards,
  };
  const result = deckSchema.safeParse(deck);
  if (!result.success) {
    const issues = result.error.issues.map((issue): DataProblem => ({
      code: 'invalid',
      field: issue.path.join('.') || 'name',
      reason: reasonOfIssue(issue, deck),
    }));
    return { ok: false, problems: capProblems(issues) };
  }
  return { ok: true, value: result.data, warnings };
}

/** Both languages carry the same text, so each problem would otherwise be reported twice. */
function dedupe(problems: DataProblem[]): DataProblem[] {
  // Keyed by line, field and message: `front` covers question.en and question.zh alike.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}|${p.field}|${JSON.stringify(p.reason ?? p.detail)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
