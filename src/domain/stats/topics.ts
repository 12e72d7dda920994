import type { SchedState } from '../scheduling/types';
import { inRole, isStudied, recallAt } from './recall';

export interface TopicRow {
  topic: string;
  cards: number;
  studied: number;
  /** Mean predicted recall over all the topic's cards, never-studied ones counting as 0. */
  meanRecall: number;
  /** Mean predicted recall over its studied cards (null when none is). */
  recallStudied: number | null;
  lapses: number;
  /** Reviews of its studied cards. */
  reviews: number;
  /** How strongly the evidence says the topic is weak, 0–1 (null for a topic not started). */
  weakness: number | null;
}

export interface TopicSums {
  cards: number;
  studied: number;
  /** Predicted recall summed over the studied cards. */
  sum: number;
  lapses: number;
  /** Reviews summed over the studied cards. */
  reviews: number;
}

export const emptySums = (): TopicSums => ({ cards: 0, studied: 0, sum: 0, lapses: 0, reviews: 0 });

/**
 * Chances to show forgetting that a topic is assumed to have shown at the role's average rate:
 * a topic with little evidence stays near the average until its own reviews say otherwise.
 */
const PRIOR_CHANCES = 10;

/**
 * The per-topic table: studied topics weakest first, ranked by the evidence of forgetting — the
 * lapses in their reviews and the expected forgetting of their studied cards now (1 − recall
 * each), over the chances to show it (reviews and studied cards), pulled toward the role's
 * average by `PRIOR_CHANCES` — then the topics not started, by name.
 */
export function topicRows(rows: Map<string, TopicSums>): TopicRow[] {
  const failures = (r: TopicSums) => r.lapses + (r.studied - r.sum);
  const chances = (r: TopicSums) => r.reviews + r.studied;
  let allFailures = 0;
  let allChances = 0;
  for (const r of rows.values()) {
    if (r.studied === 0) continue;
    allFailures += failures(r);
    allChances += chances(r);
  }
  const average = allChances ? allFailures / allChances : 0;
  return [...rows]
    .map(([topic, r]) => ({
      topic,
      cards: r.cards,
      studied: r.studied,
      meanRecall: r.cards ? r.sum / r.cards : 0,
      recallStudied: r.studied ? r.sum / r.studied : null,
      lapses: r.lapses,
      reviews: r.reviews,
      weakness:
        r.studied === 0 ? null : (failures(r) + PRIOR_CHANCES * average) / (chances(r) + PRIOR_CHANCES),
    }))
    .sort(
      (a, b) =>
        (b.weakness ?? -1) - (a.weakness ?? -1) || b.lapses - a.lapses || a.topic.localeCompare(b.topic),
    );
}

/** The studied topics, weakest first, and apart from them the topics not started yet. */
export function weakAndNotStarted(rows: readonly TopicRow[]): {
  weakest: TopicRow[];
  notStarted: TopicRow[];
} {
  return {
    weakest: rows.filter((r) => r.weakness !== null),
    notStarted: rows.filter((r) => r.weakness === null),
  };
}

/** Per-topic table from card states (see `topicRows`). */
export function topicTable(
  states: readonly SchedState[],
  topicOf: (cardId: string) => string | undefined,
  at: number,
): TopicRow[] {
  const rows = new Map<string, TopicSums>();
  for (const s of states) {
    if (!inRole(s)) continue;
    const topic = topicOf(s.cardId) ?? '';
    let row = rows.get(topic);
    if (!row) rows.set(topic, (row = emptySums()));
    row.cards++;
    row.lapses += s.lapses;
    if (isStudied(s)) {
      row.studied++;
      row.sum += recallAt(s, at);
      row.reviews += s.reps;
    }
  }
  return topicRows(rows);
}
