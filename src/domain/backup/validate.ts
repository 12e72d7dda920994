import type { z } from 'zod';
import type { CardRecord } from '../deck/records';
import { capProblems, type DataProblem, type Parsed } from '../import/problem';
import type { MockInterview } from '../mock/mockInterview';
import type { SchedState } from '../scheduling/types';
import { mockSchema, noteSchema } from './mockSchema';
import type { CardNote } from '../cards/note';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  CHECKSUM_VERSION,
  checksumTrailer,
  isInternalKey,
  LOG_COLUMNS,
  LOG_OPTIONAL_COLUMNS,
  MOCKS_VERSION,
  NOTES_VERSION,
  RESETS_VERSION,
  type BackupData,
  type UserDeckData,
} from './format';
import { TextHash } from './checksum';
import { readLogRows } from './logRows';
import { isTime, optionalStateChecks, stateChecks, stateIssue } from '../scheduling/valid';
import { settingsIssues } from '../settings/schema';
import { fsrsParamsSchema } from '../optimizer/paramsSchema';
import { countsSchema, userDeckSchema } from './schemas';
import { reasonOfIssue, reasonOfMessage } from '../import/reason';
import { invalid } from './invalid';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function zodProblems(
  error: z.ZodError,
  prefix: string,
  input: unknown,
  cardIdOf?: (path: PropertyKey[]) => string | undefined,
): DataProblem[] {
  return error.issues.map((issue) =>
    invalid(
      [prefix, ...issue.path.map(String)].join('.'),
      issue.message,
      reasonOfIssue(issue, input),
      cardIdOf?.(issue.path),
    ),
  );
}

function duplicates<T>(items: T[], key: (t: T) => string, field: (i: number) => string): DataProblem[] {
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ code: 'duplicateId', field: field(i), detail: k });
    seen.add(k);
  });
  return problems;
}

function checkHeader(raw: Record<string, unknown>): DataProblem | null {
  if (raw.format !== BACKUP_FORMAT) {
    return Array.isArray(raw.cards) && 'title' in raw ? { code: 'isDeck' } : { code: 'notBackup' };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { code: 'badVersion', field: 'version', detail: String(version) };
  }
  if (version > BACKUP_VERSION) return { code: 'futureVersion', field: 'version', detail: String(version) };
  if (typeof raw.createdAt !== 'string' || !isTime(Date.parse(raw.createdAt))) {
    return { code: 'invalidDate', field: 'createdAt', detail: String(raw.createdAt) };
  }
  // Version 1 had no optional columns; version 2 lists them (a row carries them only when it has them).
  const expected = version === 1 ? LOG_COLUMNS : [...LOG_COLUMNS, ...LOG_OPTIONAL_COLUMNS];
  const columns = raw.logColumns;
  if (!Array.isArray(columns) || columns.join() !== expected.join()) {
    return {
      code: 'invalid',
      field: 'logColumns',
      reason: { code: 'columns', values: { columns: expected.join(', ') } },
    };
  }
  return null;
}

function readSettings(raw: unknown, problems: DataProblem[]): Record<string, unknown> {
  if (!isRecord(raw)) {
    problems.push({ code: 'invalid', field: 'settings', reason: { code: 'notObject' } });
    return {};
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isInternalKey(key) || key.length > 200)
      problems.push({ code: 'reservedKey', field: `settings.${key}` });
    else if (key === 'settings') {
      const issues = settingsIssues(value);
      if (issues.length === 0) settings[key] = value;
      for (const { field, message } of issues)
        problems.push(invalid(`settings.settings.${field}`, message, reasonOfMessage(message)));
    } else if (key === 'fsrsParams') {
      const parsed = fsrsParamsSchema.safeParse(value);
      if (parsed.success) settings[key] = parsed.data;
      else problems.push(...zodProblems(parsed.error, 'settings.fsrsParams', value));
    } else settings[key] = value;
  }
  return settings;
}

/**
 * A file changed after it was saved (damaged on the way, or edited) no longer matches its checksum.
 * A file without one is read as it is: whoever removed it meant to edit the file.
 */
function checksumProblem(raw: Record<string, unknown>, text: string): DataProblem | null {
  if ((raw.version as number) < CHECKSUM_VERSION || raw.checksum === undefined) return null;
  const end = typeof raw.checksum === 'string' ? text.lastIndexOf(checksumTrailer(raw.checksum)) : -1;
  const ok = end >= 0 && new TextHash().update(text.slice(0, end)).digest() === raw.checksum;
  return ok ? null : { code: 'damaged', field: 'checksum' };
}

const stateKeys = Object.keys(stateChecks);

/**
 * A state checked against the one definition of a valid state (the one the scheduler's output
 * passes). Burial, flags and leech marks exist from version 5 (`marks`), resets from version 6.
 */
function stateProblem(raw: unknown, at: string, marks: boolean, resets: boolean): DataProblem | null {
  if (!isRecord(raw)) return { code: 'invalid', field: at, reason: { code: 'notObject' } };
  const cardId = typeof raw.cardId === 'string' ? { cardId: raw.cardId } : {};
  const extra = Object.keys(raw).find(
    (key) => !(key in stateChecks) && !(marks && key in optionalStateChecks && (resets || key !== 'resetAt')),
  );
  if (extra)
    return { code: 'invalid', field: `${at}.${extra}`, reason: { code: 'notStateField' }, ...cardId };
  const missing = stateKeys.find((key) => !(key in raw));
  if (missing) return { code: 'invalid', field: `${at}.${missing}`, reason: { code: 'missing' }, ...cardId };
  if (!marks && raw.hidden === 'buried')
    return {
      code: 'invalid',
      field: `${at}.hidden`,
      reason: { code: 'oneOf', values: { options: '"suspended", "retired", null' } },
      ...cardId,
    };
  const issue = stateIssue(raw as unknown as SchedState);
  if (!issue) return null;
  return invalid(`${at}.${issue.field}`, issue.message, reasonOfMessage(issue.message), cardId.cardId);
}

/**
 * Checks a whole parsed backup before anything is written: its format and version, every
 * record's shape, dates and ids, and that the counts in its header match what it holds (a file
 * cut short or edited by hand is refused), and its checksum against `text`, the file it was
 * parsed from. Problems name the field and, where known, the card.
 */
export function validateBackup(raw: unknown, text: string): Parsed<BackupData> {
  if (!isRecord(raw)) return { ok: false, problems: [{ code: 'notBackup' }] };
  const header = checkHeader(raw);
  if (header) return { ok: false, problems: [header] };
  const damaged = checksumProblem(raw, text);
  if (damaged) return { ok: false, problems: [damaged] };
  const problems: DataProblem[] = [];
  const counts = countsSchema.safeParse(raw.counts);
  if (!counts.success) problems.push(...zodProblems(counts.error, 'counts', raw.counts));
  const settings = readSettings(raw.settings, problems);
  const list = (key: string): unknown[] => {
    const value = raw[key];
    if (Array.isArray(value)) return value;
    problems.push({ code: 'invalid', field: key, reason: { code: 'notList' } });
    return [];
  };
  const rawDecks = list('decks');
  const rawStates = list('states');
  const rawLogs = list('logs');
  const rawMocks = (raw.version as number) >= MOCKS_VERSION ? list('mocks') : [];
  const withNotes = (raw.version as number) >= NOTES_VERSION;
  const withResets = (raw.version as number) >= RESETS_VERSION;
  const rawNotes = withNotes ? list('notes') : [];

  const decks: UserDeckData[] = [];
  rawDecks.forEach((d, i) => {
    const parsed = userDeckSchema.safeParse(d);
    if (parsed.success) decks.push(parsed.data as UserDeckData);
    else
      problems.push(
        ...zodProblems(parsed.error, `decks.${i}`, d, (path) => {
          const card =
            path[0] === 'cards' && typeof path[1] === 'number'
              ? (d as UserDeckData).cards?.[path[1]]
              : undefined;
          return typeof card?.id === 'string' ? card.id : undefined;
        }),
      );
  });
  const states: SchedState[] = [];
  rawStates.forEach((s, i) => {
    if (problems.length >= 50) return;
    const problem = stateProblem(s, `states.${i}`, withNotes, withResets);
    if (problem) problems.push(problem);
    else states.push(s as SchedState);
  });
  const logs = readLogRows(rawLogs, problems);
  const mocks: MockInterview[] = [];
  rawMocks.forEach((m, i) => {
    const parsed = mockSchema.safeParse(m);
    if (parsed.success) mocks.push(parsed.data);
    else problems.push(...zodProblems(parsed.error, `mocks.${i}`, m));
  });
  const notes: CardNote[] = [];
  rawNotes.forEach((n, i) => {
    const parsed = noteSchema.safeParse(n);
    if (parsed.success) notes.push(parsed.data);
    else
      problems.push(
        ...zodProblems(parsed.error, `notes.${i}`, n, () =>
          isRecord(n) && typeof n.cardId === 'string' ? n.cardId : undefined,
        ),
      );
  });
  if (problems.length) return { ok: false, problems: capProblems(problems) };

  const cards: CardRecord[] = decks.flatMap((d) => d.cards);
  decks.forEach(({ deck, cards: deckCards }, d) =>
    deckCards.forEach((card, c) => {
      if (card.deckId !== deck.id || !card.id.startsWith(`${deck.id}.`)) {
        problems.push({
          code: 'invalid',
          field: `decks.${d}.cards.${c}.id`,
          cardId: card.id,
          reason: { code: 'cardIdPrefix', values: { prefix: `${deck.id}.` } },
        });
      }
    }),
  );
  problems.push(
    ...duplicates(
      decks,
      (d) => d.deck.id,
      (i) => `decks.${i}.deck.id`,
    ),
    ...duplicates(
      cards,
      (c) => c.id,
      () => 'decks.cards.id',
    ),
    ...duplicates(
      states,
      (s) => s.cardId,
      (i) => `states.${i}.cardId`,
    ),
    ...duplicates(
      logs,
      (l) => l.id,
      (i) => `logs.${i}.id`,
    ),
    ...duplicates(
      mocks,
      (m) => m.id,
      (i) => `mocks.${i}.id`,
    ),
    ...duplicates(
      notes,
      (n) => n.cardId,
      (i) => `notes.${i}.cardId`,
    ),
  );
  if (counts.success) {
    const actual = { decks: decks.length, cards: cards.length, states: states.length, logs: logs.length };
    for (const key of ['decks', 'cards', 'states', 'logs'] as const) {
      if (counts.data[key] !== actual[key]) {
        problems.push({ code: 'countMismatch', field: key, detail: `${counts.data[key]} ≠ ${actual[key]}` });
      }
    }
  }
  if (problems.length) return { ok: false, problems: capProblems(problems) };
  const createdAt = Date.parse(raw.createdAt as string);
  const value: BackupData = {
    createdAt,
    settings,
    decks,
    states,
    logs,
    ...(mocks.length ? { mocks } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { ok: true, value, warnings: [] };
}
