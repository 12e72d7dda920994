import type { z } from 'zod';
import { cardIdPattern } from '../scheduling/valid';
import type { MarkdownLimit } from './markdownLimits';

/**
 * Why a value in a file was refused, as a code the data screen words in the user's language
 * (`data.reason.<code>`), with the values the sentence needs. Validators speak English (zod's
 * messages, the state and settings checks); nothing of that English reaches a refusal.
 */
export type ReasonCode =
  | MarkdownLimit
  | 'missing'
  | 'lacks'
  | 'notText'
  | 'notNumber'
  | 'notWhole'
  | 'notBoolean'
  | 'notObject'
  | 'notList'
  | 'empty'
  | 'blank'
  | 'tooShort'
  | 'tooLong'
  | 'tooFew'
  | 'tooMany'
  | 'exactly'
  | 'atLeast'
  | 'atMost'
  | 'range'
  | 'wholeRange'
  | 'oneOf'
  | 'unknownFields'
  | 'badKey'
  | 'notSlug'
  | 'notCardId'
  | 'notDeckId'
  | 'notId'
  | 'notHttpUrl'
  | 'badFormat'
  | 'duplicateCardId'
  | 'cardIdPrefix'
  | 'deckIdMismatch'
  | 'notUserDeck'
  | 'moreAnswers'
  | 'notInDeck'
  | 'columns'
  | 'rowLength'
  | 'notStateField'
  | 'mustBeTrue'
  | 'buriedUntil'
  | 'keyPoints'
  | 'calendarDate'
  | 'notSteps'
  | 'badStep'
  | 'notValid';

export interface Reason {
  code: ReasonCode;
  values?: Record<string, string | number>;
}

const reason = (code: ReasonCode, values?: Reason['values']): Reason =>
  values ? { code, values } : { code };

/** The schemas' own messages, each a rule with a reason. */
export const RULES = {
  empty: 'must not be empty',
  blank: 'must not be blank',
  notSlug: 'must be a kebab-case slug',
  notCardId: 'must look like "<deck-id>.<kebab-slug>"',
  notHttpUrl: 'must be an http(s) URL',
  notUserDeck: 'must be an imported deck ("user-…"); built-in decks come with the app',
  moreAnswers: 'more answers than questions',
  notInDeck: 'must belong to its deck',
} as const satisfies Partial<Record<ReasonCode, string>>;

const byRule = new Map<string, ReasonCode>(Object.entries(RULES).map(([code, m]) => [m, code as ReasonCode]));

const quoted = (values: readonly unknown[]) =>
  values.map((v) => (v === null ? 'null' : typeof v === 'string' ? `"${v}"` : String(v))).join(', ');

/** The English messages of the hand-written checks (scheduling/valid.ts, settings/schema.ts). */
const ruleSentences: [RegExp, (m: RegExpExecArray) => Reason][] = [
  [
    /^must be a (whole )?number from (-?[\d.e]+) to (-?[\d.e]+)$/,
    (m) => reason(m[1] ? 'wholeRange' : 'range', { min: Number(m[2]), max: Number(m[3]) }),
  ],
  [
    /^must be between (-?[\d.e]+) and (-?[\d.e]+)$/,
    (m) => reason('range', { min: Number(m[1]), max: Number(m[2]) }),
  ],
  [
    /^must be ((?:"[^"]*"|null)(?:, (?:"[^"]*"|null))*,? or (?:"[^"]*"|null))$/,
    (m) => reason('oneOf', { options: m[1]!.replace(/,? or /, ', ') }),
  ],
  [/^must start with the deck id "([^"]*)"$/, (m) => reason('cardIdPrefix', { prefix: m[1]! })],
  [/^has unknown fields: (.*)$/, (m) => reason('unknownFields', { fields: m[1]! })],
  [/^lacks (.+)$/, (m) => reason('lacks', { field: m[1]! })],
  [/^role ids are at most (\d+) characters$/, (m) => reason('tooLong', { n: Number(m[1]) })],
  [/^must have at most (\d+) steps$/, (m) => reason('tooMany', { n: Number(m[1]) })],
  [/^must be (\d+) FSRS-6 parameters$/, (m) => reason('exactly', { n: Number(m[1]) })],
];
const fixedSentences: Record<string, ReasonCode> = {
  'must be a non-empty id': 'notId',
  'must be a card id': 'notCardId',
  'must be a deck id': 'notDeckId',
  'must be true when present': 'mustBeTrue',
  'must be set on a buried card': 'buriedUntil',
  'does not match the card id': 'deckIdMismatch',
  'must be key points ticked (0–total) of a total of 1–5': 'keyPoints',
  'must be true or false': 'notBoolean',
  'must be a date YYYY-MM-DD between 2000 and 2199': 'calendarDate',
  'must be a list of steps': 'notSteps',
  'must be a step from "1m" to "1d", like "10m", "1h" or "1d"': 'badStep',
  'must be an object': 'notObject',
  'must be a list': 'notList',
  'is missing': 'missing',
  'is not a field of a state': 'notStateField',
};

/** A hand-written check's message as a reason; `notValid` for one this does not know (a test lists them all). */
export function reasonOfMessage(message: string): Reason {
  const rule = byRule.get(message) ?? fixedSentences[message];
  if (rule) return reason(rule);
  for (const [pattern, make] of ruleSentences) {
    const m = pattern.exec(message);
    if (m) return make(m);
  }
  return reason('notValid');
}

const types: Record<string, ReasonCode> = {
  string: 'notText',
  number: 'notNumber',
  int: 'notWhole',
  boolean: 'notBoolean',
  object: 'notObject',
  record: 'notObject',
  array: 'notList',
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );

type Issue = z.core.$ZodIssue;

function sizeReason(issue: Issue & { code: 'too_big' | 'too_small' }): Reason {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const exact = (issue as { exact?: boolean }).exact;
  if (issue.origin === 'string') {
    if (!big && limit === 1) return reason('empty');
    return reason(big ? 'tooLong' : 'tooShort', { n: limit });
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return reason(exact ? 'exactly' : big ? 'tooMany' : 'tooFew', { n: limit });
  }
  return reason(big ? 'atMost' : 'atLeast', big ? { max: limit } : { min: limit });
}

const patterns: Record<string, ReasonCode> = {
  [String(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)]: 'notSlug',
  [String(cardIdPattern)]: 'notCardId',
};
const formatReason = (issue: { pattern?: string }): Reason =>
  reason((issue.pattern && patterns[issue.pattern]) || 'badFormat');

/** A zod issue as a reason; `input` is the value that was parsed, to tell a missing field from a wrong one. */
export function reasonOfIssue(issue: Issue, input: unknown): Reason {
  const params = (issue as { params?: { reason?: ReasonCode; values?: Reason['values'] } }).params;
  if (params?.reason) return reason(params.reason, params.values);
  const rule = byRule.get(issue.message);
  if (rule) return reason(rule);
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return reason('missing');
      return reason(types[issue.expected] ?? 'notValid');
    case 'too_big':
    case 'too_small':
      return sizeReason(issue);
    case 'invalid_value':
      return reason('oneOf', { options: quoted(issue.values) });
    case 'invalid_union': {
      const values = issue.errors.flatMap((e) =>
        e.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])),
      );
      return values.length ? reason('oneOf', { options: quoted(values) }) : reason('notValid');
    }
    case 'unrecognized_keys':
      return reason('unknownFields', { fields: issue.keys.join(', ') });
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner?.code === 'invalid_format' ? formatReason(inner) : reason('badKey');
    }
    case 'invalid_format':
      return formatReason(issue);
    case 'custom':
      return reasonOfMessage(issue.message);
    default:
      return reason('notValid');
  }
}
