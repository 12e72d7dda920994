import { CardState } from '../../domain/scheduling/types';
import { BURIED, RETIRED, SUSPENDED } from '../../domain/stats/stateColumns';
import type { StateGroup } from '../../components/stateLabels';
import { cardIdsOf, type RoleColumns } from '../../storage/roleCards';

const byState: Partial<Record<number, StateGroup>> = {
  [CardState.Learning]: 'learning',
  [CardState.Review]: 'review',
  [CardState.Relearning]: 'relearning',
};

/** Neither suspended, buried nor retired (a state stored without `hidden` packs as 255: shown). */
const shownAt = (c: RoleColumns, i: number) => {
  const hidden = c.hidden[i];
  return hidden !== SUSPENDED && hidden !== BURIED && hidden !== RETIRED;
};

/** The state group of the card at `i`: retired, suspended and buried first, then its FSRS state. */
export function groupAt(c: RoleColumns, i: number): StateGroup {
  const hidden = c.hidden[i];
  if (hidden === RETIRED) return 'retired';
  if (hidden === SUSPENDED) return 'suspended';
  if (hidden === BURIED) return 'buried';
  return byState[c.state[i]!] ?? 'new';
}

/** The cards of each state group, as positions in the columns (in column order). */
export function groupCards(c: RoleColumns): Map<StateGroup, number[]> {
  const groups = new Map<StateGroup, number[]>();
  for (let i = 0; i < c.state.length; i++) {
    const group = groupAt(c, i);
    const list = groups.get(group);
    if (list) list.push(i);
    else groups.set(group, [i]);
  }
  return groups;
}

/** Soonest due first (a new card's `due` is its place in the deck), then by card id. */
export function sortedByDue(c: RoleColumns, positions: readonly number[]): number[] {
  const ids = cardIdsOf(c);
  return [...positions].sort((a, b) => c.due[a]! - c.due[b]! || (ids[a]! < ids[b]! ? -1 : 1));
}

/** Cards still in the deck (retired ones keep their history, outside the count). */
export function cardCount(c: RoleColumns): number {
  let n = 0;
  for (let i = 0; i < c.hidden.length; i++) if (c.hidden[i] !== RETIRED) n++;
  return n;
}

/** Cards being studied: in the deck, neither suspended nor buried. */
export function studyingCount(c: RoleColumns): number {
  let n = 0;
  for (let i = 0; i < c.hidden.length; i++) if (shownAt(c, i)) n++;
  return n;
}

/** Cards of the role in a review queue: those due before `dayEnd`, and the review cards (to review ahead). */
export function dueToday(c: RoleColumns, dayEnd: number): { due: number; reviewed: number } {
  let due = 0;
  let reviewed = 0;
  for (let i = 0; i < c.state.length; i++) {
    if (!shownAt(c, i) || c.state[i] === CardState.New) continue;
    if (c.state[i] === CardState.Review) reviewed++;
    if (c.due[i]! < dayEnd) due++;
  }
  return { due, reviewed };
}
