import { newState } from '../scheduling/newState';
import type { Flag, SchedState } from '../scheduling/types';

/**
 * The small changes the user makes to a card's state outside a review. Each returns the state as
 * it was when nothing changes (so a writer can tell), never a copy.
 */

export function withSuspended(s: SchedState, suspended: boolean): SchedState {
  if (s.hidden === 'retired') return s;
  if (suspended) {
    if (s.hidden === 'suspended') return s;
    const { buriedUntil: _b, ...rest } = s;
    return { ...rest, hidden: 'suspended' };
  }
  return s.hidden === 'suspended' ? { ...s, hidden: null } : s;
}

/** Buried until `until` (the start of the next review day); only a card in the queues can be. */
export function withBuried(s: SchedState, until: number): SchedState {
  if (s.hidden !== null) return s;
  return { ...s, hidden: 'buried', buriedUntil: until };
}

/** Back in the queues when its day has come (`dayStart`: the start of today's review day). */
export function unburied(s: SchedState, dayStart: number): SchedState {
  if (s.hidden !== 'buried' || (s.buriedUntil ?? 0) > dayStart) return s;
  const { buriedUntil: _b, ...rest } = s;
  return { ...rest, hidden: null };
}

export function withFlag(s: SchedState, flag: Flag | 0): SchedState {
  if ((s.flag ?? 0) === flag) return s;
  const { flag: _f, ...rest } = s;
  return flag === 0 ? rest : { ...rest, flag };
}

/**
 * Progress reset: a new card again at its deck position, no longer a leech. Its flag stays, and
 * so does a suspension (the user chose it); a burial ends. `at`: the reset's time, after every
 * review of the card known here; the reviews up to it no longer count (see replayCard).
 */
export function resetProgress(s: SchedState, position: number, at: number): SchedState {
  const fresh = newState(s.cardId, s.deckId, position);
  return {
    ...fresh,
    hidden: s.hidden === 'buried' ? null : s.hidden,
    ...(s.flag ? { flag: s.flag } : {}),
    resetAt: at,
  };
}

/** Whether two states are the same, field for field (an action's undo checks nothing changed since). */
export function sameCardState(a: SchedState | undefined, b: SchedState): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys)
    if ((a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k])
      return false;
  return true;
}
