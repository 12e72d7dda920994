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

export const HISTORY_JSON_TAIL = '\n ]\n}\n';
