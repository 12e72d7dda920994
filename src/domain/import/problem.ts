import type { Reason } from './reason';

/** Why a file was refused. Each code has a message in every language (`data.problem.<code>`). */
export type ProblemCode =
  | 'tooLarge'
  | 'empty'
  | 'notText'
  | 'notUtf8'
  | 'invalidJson'
  | 'notJson'
  | 'truncated'
  | 'forbiddenKey'
  | 'notFinite'
  | 'isBackup'
  | 'isDeck'
  | 'notBackup'
  | 'futureVersion'
  | 'badVersion'
  | 'countMismatch'
  | 'damaged'
  | 'duplicateId'
  | 'duplicateRow'
  | 'invalidDate'
  | 'invalid'
  | 'unterminatedQuote'
  | 'noBack'
  | 'emptyField'
  | 'tooManyCards'
  | 'nameRequired'
  | 'reservedKey'
  | 'tooManyProblems';

/** A notice that does not stop an import; shown before the user confirms. */
export type WarningCode =
  'headerRowSkipped' | 'tagsDropped' | 'tagsCapped' | 'extraColumns' | 'htmlConverted';

/** Where in the file: 1-based row (record) and line of a text file, the card, the field. */
export interface Where {
  row?: number;
  line?: number;
  cardId?: string;
  field?: string;
}

/**
 * A value that is not valid says why as a reason, never as a validator's English; other problems
 * may carry a detail that reads the same in every language (a key, a size, a count).
 */
export type DataProblem = Where &
  (
    | { code: 'invalid'; reason: Reason; detail?: never }
    | { code: Exclude<ProblemCode, 'invalid'>; detail?: string; reason?: never }
  );

export interface DataWarning extends Where {
  code: WarningCode;
  detail?: string;
}

/** A file is accepted whole or refused with what is wrong; never half-read. */
export type Parsed<T> =
  { ok: true; value: T; warnings: DataWarning[] } | { ok: false; problems: DataProblem[] };

export const refuse = (...problems: DataProblem[]): { ok: false; problems: DataProblem[] } => ({
  ok: false,
  problems,
});

/** Long lists of problems help nobody: the first ones, then a count of the rest. */
export function capProblems(problems: DataProblem[], max = 50): DataProblem[] {
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), { code: 'tooManyProblems', detail: String(problems.length - max) }];
}
