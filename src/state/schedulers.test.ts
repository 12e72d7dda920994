import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { withEntry } from '../domain/optimizer/params';
import { newState } from '../domain/scheduling/newState';
import { CardState } from '../domain/scheduling/types';
import { defaultSettings } from '../domain/settings/settings';
import { useAppStore } from './appStore';
import { schedulerFor } from './schedulers';

const now = Date.UTC(2026, 4, 2, 9);
const card = {
  ...newState('rag.one', 'rag', 0),
  state: CardState.Review,
  stability: 10,
  difficulty: 5,
  due: now,
  lastReview: now - 10 * 86_400_000,
  reps: 3,
  scheduledDays: 10,
};
// Forgets faster: the power curve's decay (w[20]) and the recall stability gain are lower.
const fitted = default_w.map((v, i) => (i === 8 ? 0.8 : i === 20 ? 0.6 : v));
const settings = { ...defaultSettings, fuzz: false };

afterEach(() => useAppStore.getState().setFsrsParams({}));

describe('schedulerFor', () => {
  it('schedules a role with its adopted parameters from the next card on, and the others with the defaults', () => {
    const before = schedulerFor(settings, 'rag').preview(card, now)[3];
    useAppStore.getState().setFsrsParams(
      withEntry({}, 'rag', {
        at: now,
        kind: 'optimized',
        reviews: 900,
        before: { logLoss: 0.5, rmseBins: 0.1, reviews: 900 },
        fitted: { logLoss: 0.4, rmseBins: 0.05, reviews: 900 },
        w: fitted,
        adopted: true,
      }),
    );
    const after = schedulerFor(settings, 'rag').preview(card, now)[3];
    expect(after).toBeLessThan(before);
    expect(
      schedulerFor(settings, 'agent').preview({ ...card, deckId: 'agent', cardId: 'agent.one' }, now)[3],
    ).toBe(before);
  });
});
