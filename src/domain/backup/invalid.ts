import type { DataProblem } from '../import/problem';
import type { Reason } from '../import/reason';
import { INVALID_DATE } from '../scheduling/valid';

/** A value that is not valid, and why; a date that is not one has a problem of its own. */
export function invalid(field: string, message: string, reason: Reason, cardId?: string): DataProblem {
  const where = { field, ...(cardId ? { cardId } : {}) };
  return message === INVALID_DATE
    ? { code: 'invalidDate', ...where, detail: message }
    : { code: 'invalid', ...where, reason };
}
