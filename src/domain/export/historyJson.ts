import type { CardNote } from '../cards/note';
import type { MockInterview } from '../mock/mockInterview';
import type { ReviewLog } from '../scheduling/types';
import type { TimeRange } from './revlogCsv';

export interface HistoryJsonMeta {
  exportedAt: number;
  deckId: string | null;
  range: TimeRange;
  count: number;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The opening of the JSON history: what was exported, then the `reviews` list that the chunks fill. */
export function historyJsonHead(meta: HistoryJsonMeta): string {
  const head = {
    app: 'interview-recall',
    kind: 'review-history',
    exportedAt: iso(meta.exportedAt),
    scope: meta.deckId ?? 'all',
    from: iso(meta.range.from),
    to: iso(meta.range.to),
    count: meta.count,
  };
  const json = JSON.stringify(head, null, 1);
  return `${json.slice(0, json.lastIndexOf('}')).trimEnd()},\n "reviews": [`;
}

/** Every field of each review, with its card's topic and the time also as an ISO date for people. */
export function historyJsonChunk(
  logs: readonly ReviewLog[],
  topicOf: (cardId: string) => string | null,
  first: boolean,
): string {
  if (logs.length === 0) return '';
  const rows = logs.map((l) =>
    JSON.stringify({ ...l, topic: topicOf(l.cardId), reviewedAt: new Date(l.review).toISOString() }),
  );
  return (first ? '\n  ' : ',\n  ') + rows.join(',\n  ');
}

/**
 * Closes the reviews and lists the mock interviews of the export's scope (a role's when one was
 * chosen; started within the date range): each with its answers and the key points said. Then
 * the user's notes on the cards of the scope, whenever written.
 */
export function historyJsonTail(
  mocks: readonly MockInterview[],
  deckId: string | null,
  range: TimeRange,
  notes: readonly CardNote[] = [],
): string {
  const within = (t: number) =>
    (range.from === null || t >= range.from) && (range.to === null || t < range.to);
  const chosen = mocks
    .filter((m) => within(m.startedAt) && (deckId === null || m.roles.includes(deckId)))
    .map((m) => (deckId === null ? m : { ...m, answers: m.answers.filter((a) => a.deckId === deckId) }));
  const rows = chosen.map((m) =>
    JSON.stringify({ ...m, startedAt: iso(m.startedAt), finishedAt: iso(m.finishedAt) }),
  );
  const list = (items: string[]) => (items.length ? `\n  ${items.join(',\n  ')}\n ` : '');
  const noteRows = notes.map((n) => JSON.stringify({ ...n, updated: iso(n.updated) }));
  return `\n ],\n "mockInterviews": [${list(rows)}],\n "notes": [${list(noteRows)}]\n}\n`;
}
