import type { z } from 'zod';
import type { CardRecord } from '../deck/records';
import { capProblems, type DataProblem, type Parsed } from '../import/problem';
import type { SchedState } from '../scheduling/types';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  isInternalKey,
  LOG_COLUMNS,
  LOG_OPTIONAL_COLUMNS,
  type BackupData,
  type UserDeckData,
} from './format';
import { readLogRows } from './logRows';
import { countsSchema, INVALID_DATE, isTime, settingsSchema, stateSchema, userDeckSchema } from './schemas';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function zodProblems(
  error: z.ZodError,
  prefix: string,
  cardIdOf?: (path: PropertyKey[]) => string | undefined,
): DataProblem[] {
  return error.issues.map((issue) => {
    const cardId = cardIdOf?.(issue.path);
    return {
      code: issue.message === INVALID_DATE ? 'invalidDate' : 'invalid',
      field: [prefix, ...issue.path.map(String)].join('.'),
      detail: issue.message,
      ...(cardId ? { cardId } : {}),
    };
  });
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
    return { code: 'invalid', field: 'logColumns', detail: expected.join(', ') };
  }
  return null;
}

function readSettings(raw: unknown, problems: DataProblem[]): Record<string, unknown> {
  if (!isRecord(raw)) {
    problems.push({ code: 'invalid', field: 'settings', detail: 'must be an object' });
    return {};
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isInternalKey(key) || key.length > 200)
      problems.push({ code: 'reservedKey', field: `settings.${key}` });
    else if (key === 'settings') {
      const parsed = settingsSchema.safeParse(value);
      if (parsed.success) settings[key] = parsed.data;
      else problems.push(...zodProblems(parsed.error, 'settings.settings'));
    } else settings[key] = value;
  }
  return settings;
}

/**
 * Checks a whole parsed backup before anything is written: its format and version, every
 * record's shape, dates and ids, and that the counts in its header match what it holds (a file
 * cut short or edited by hand is refused). Problems name the field and, where known, the card.
 */
export function validateBackup(raw: unknown): Parsed<BackupData> {
  if (!isRecord(raw)) return { ok: false, problems: [{ code: 'notBackup' }] };
  const header = checkHeader(raw);
  if (header) return { ok: false, problems: [header] };
  const problems: DataProblem[] = [];
  const counts = countsSchema.safeParse(raw.counts);
  if (!counts.success) problems.push(...zodProblems(counts.error, 'counts'));
  const settings = readSettings(raw.settings, problems);
  const list = (key: string): unknown[] => {
    const value = raw[key];
    if (Array.isArray(value)) return value;
    problems.push({ code: 'invalid', field: key, detail: 'must be a list' });
    return [];
  };
  const rawDecks = list('decks');
  const rawStates = list('states');
  const rawLogs = list('logs');

  const decks: UserDeckData[] = [];
  rawDecks.forEach((d, i) => {
    const parsed = userDeckSchema.safeParse(d);
    if (parsed.success) decks.push(parsed.data as UserDeckData);
    else
      problems.push(
        ...zodProblems(parsed.error, `decks.${i}`, (path) => {
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
    const parsed = stateSchema.safeParse(s);
    if (parsed.success) states.push(parsed.data);
    else
      problems.push(
        ...zodProblems(parsed.error, `states.${i}`, () => (s as { cardId?: unknown })?.cardId as string),
      );
  });
  const logs = readLogRows(rawLogs, problems);
  if (problems.length) return { ok: false, problems: capProblems(problems) };

  const cards: CardRecord[] = decks.flatMap((d) => d.cards);
  decks.forEach(({ deck, cards: deckCards }, d) =>
    deckCards.forEach((card, c) => {
      if (card.deckId !== deck.id || !card.id.startsWith(`${deck.id}.`)) {
        problems.push({
          code: 'invalid',
          field: `decks.${d}.cards.${c}.id`,
          cardId: card.id,
          detail: `must belong to "${deck.id}"`,
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
  return { ok: true, value: { createdAt, settings, decks, states, logs }, warnings: [] };
}
