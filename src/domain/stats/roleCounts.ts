import { CardState, type SchedState } from '../scheduling/types';

/** A role's cards by state (retired cards are counted apart, outside the total). */
export interface RoleCounts {
  total: number;
  new: number;
  /** Learning and relearning. */
  learning: number;
  review: number;
  /** Review cards due before `dayEnd`. */
  dueToday: number;
  suspended: number;
  buried: number;
  retired: number;
  leeches: number;
}

export const emptyRoleCounts = (): RoleCounts => ({
  total: 0,
  new: 0,
  learning: 0,
  review: 0,
  dueToday: 0,
  suspended: 0,
  buried: 0,
  retired: 0,
  leeches: 0,
});

export function roleCounts(states: readonly SchedState[], dayEnd: number): RoleCounts {
  const c = emptyRoleCounts();
  for (const s of states) {
    if (s.hidden === 'retired') {
      c.retired++;
      continue;
    }
    c.total++;
    if (s.leech) c.leeches++;
    if (s.hidden === 'suspended') c.suspended++;
    else if (s.hidden === 'buried') c.buried++;
    else if (s.state === CardState.New) c.new++;
    else if (s.state === CardState.Review) {
      c.review++;
      if (s.due < dayEnd) c.dueToday++;
    } else c.learning++;
  }
  return c;
}
