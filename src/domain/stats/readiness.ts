import type { SchedState } from '../scheduling/types';
import { inRole, isStudied, recallAt } from './recall';

export interface Readiness {
  cards: number;
  studied: number;
  /** Studied at least once / all cards. */
  coverage: number;
  /** Mean predicted recall over all cards, never-studied ones counting as 0. */
  readiness: number;
  /** Mean predicted recall over studied cards only (null when none are). */
  recallStudied: number | null;
}

export function readiness(states: readonly SchedState[], at: number): Readiness {
  let cards = 0;
  let studied = 0;
  let sum = 0;
  for (const s of states) {
    if (!inRole(s)) continue;
    cards++;
    if (!isStudied(s)) continue;
    studied++;
    sum += recallAt(s, at);
  }
  return readinessFrom(cards, studied, sum);
}

/** Readiness from the role's card count, studied count and recall summed over the studied cards. */
export function readinessFrom(cards: number, studied: number, sum: number): Readiness {
  return {
    cards,
    studied,
    coverage: cards ? studied / cards : 0,
    readiness: cards ? sum / cards : 0,
    recallStudied: studied ? sum / studied : null,
  };
}

export interface TopicRow {
  topic: string;
  cards: number;
  studied: number;
  meanRecall: number;
  lapses: number;
}

/** Per-topic table, weakest first: lowest mean recall, then most lapses. */
export function topicTable(
  states: readonly SchedState[],
  topicOf: (cardId: string) => string | undefined,
  at: number,
): TopicRow[] {
  const rows = new Map<string, TopicSums>();
  for (const s of states) {
    if (!inRole(s)) continue;
    const topic = topicOf(s.cardId) ?? '';
    const row = rows.get(topic) ?? { cards: 0, studied: 0, sum: 0, lapses: 0 };
    row.cards++;
    row.lapses += s.lapses;
    if (isStudied(s)) {
      row.studied++;
      row.sum += recallAt(s, at);
    }
    rows.set(topic, row);
  }
  return topicRows(rows);
}

export interface TopicSums {
  cards: number;
  studied: number;
  /** Predicted recall summed over the studied cards. */
  sum: number;
  lapses: number;
}

/** The per-topic table from each topic's sums, weakest first. */
export function topicRows(rows: Map<string, TopicSums>): TopicRow[] {
  return [...rows]
    .map(([topic, r]) => ({
      topic,
      cards: r.cards,
      studied: r.studied,
      meanRecall: r.sum / r.cards,
      lapses: r.lapses,
    }))
    .sort((a, b) => a.meanRecall - b.meanRecall || b.lapses - a.lapses || a.topic.localeCompare(b.topic));
}
