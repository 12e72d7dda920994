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
