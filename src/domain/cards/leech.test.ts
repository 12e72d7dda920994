import { describe, expect, it } from 'vitest';
import { newState } from '../scheduling/newState';
import { CardState, type SchedState } from '../scheduling/types';
import { markLeech } from './leech';

const lapsed = (lapses: number): SchedState => ({
  ...newState('rag.a', 'rag', 0),
  state: CardState.Relearning,
  lapses,
  due: Date.UTC(2026, 0, 2),
  lastReview: Date.UTC(2026, 0, 1),
});
const tagOnly = { leechThreshold: 8, suspendLeeches: false };

describe('leeches', () => {
  it('marks a card when its eighth lapse happens, not before', () => {
    expect(markLeech(lapsed(6), lapsed(7), tagOnly)).not.toHaveProperty('leech');
    expect(markLeech(lapsed(7), lapsed(8), tagOnly)).toMatchObject({ leech: true, hidden: null });
  });

  it('suspends it as well when the user chose that, and uses their threshold', () => {
    const settings = { leechThreshold: 4, suspendLeeches: true };
    expect(markLeech(lapsed(3), lapsed(4), settings)).toMatchObject({ leech: true, hidden: 'suspended' });
  });

  it('does not suspend again a leech the user unsuspended', () => {
    const unsuspended = { ...lapsed(9), leech: true as const };
    expect(
      markLeech(unsuspended, { ...unsuspended, lapses: 10 }, { leechThreshold: 8, suspendLeeches: true }),
    ).toMatchObject({ hidden: null });
  });
});
