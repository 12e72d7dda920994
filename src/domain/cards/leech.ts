import type { SchedState } from '../scheduling/types';

export interface LeechSettings {
  leechThreshold: number;
  suspendLeeches: boolean;
}

/**
 * The state a review wrote, marked a leech when this review brought its lapses to the threshold
 * (and suspended, if the user chose that). Marked once: a card unsuspended by hand stays in the
 * queues until its progress is reset.
 */
export function markLeech(previous: SchedState, next: SchedState, settings: LeechSettings): SchedState {
  const threshold = settings.leechThreshold;
  if (next.leech || next.lapses < threshold || previous.lapses >= threshold) return next;
  return {
    ...next,
    leech: true,
    ...(settings.suspendLeeches && next.hidden === null ? { hidden: 'suspended' as const } : {}),
  };
}

export const isLeech = (s: SchedState): boolean => s.leech === true;
