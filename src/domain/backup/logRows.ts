import type { DataProblem } from '../import/problem';
import type { ReviewLog } from '../scheduling/types';
import { reasonOfMessage } from '../import/reason';
import { logIssue } from '../scheduling/valid';
import { LOG_COLUMNS, LOG_OPTIONAL_COLUMNS, rowToLog } from './format';
import { invalid } from './invalid';

/**
 * Backup log rows as logs, each checked against the one definition of a valid log (the one the
 * scheduler's output passes), by hand rather than by schema: a million rows have to be fast.
 */
export function readLogRows(rows: unknown[], problems: DataProblem[]): ReviewLog[] {
  const logs: ReviewLog[] = [];
  const full = LOG_COLUMNS.length + LOG_OPTIONAL_COLUMNS.length;
  for (let i = 0; i < rows.length && problems.length < 50; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || (row.length !== LOG_COLUMNS.length && row.length !== full)) {
      problems.push({
        code: 'invalid',
        field: `logs.${i}`,
        reason: { code: 'rowLength', values: { short: LOG_COLUMNS.length, full } },
      });
      continue;
    }
    const log = rowToLog(row);
    const issue = logIssue(log);
    if (!issue) {
      logs.push(log);
      continue;
    }
    const cardId = typeof row[1] === 'string' ? row[1] : undefined;
    problems.push(invalid(`logs.${i}.${issue.field}`, issue.message, reasonOfMessage(issue.message), cardId));
  }
  return logs;
}
