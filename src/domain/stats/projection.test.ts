import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { projectCards, type ProjectionInput, type StudiedCard } from './projection';
import { followCard } from './reviewPaths';

const DAY = 86_400_000;
const now = new Date(2026, 8, 15, 12).getTime();

/** `n` cards last reviewed `ago` days before now, due at their interval, stabilities spread 2–40 days. */
function role(n: number): StudiedCard[] {
  return Array.from({ length: n }, (_, i) => {
    const stability = 2 + (i % 39);
    const ago = i % 5;
    return { stability, difficulty: 5, lastReview: now - ago * DAY, due: now + (stability - ago) * DAY };
  });
}

const input = (change: Partial<ProjectionInput> = {}): ProjectionInput => ({
  interviewDate: '2026-12-14',
  now,
  rolloverHour: 4,
  desiredRetention: 0.9,
  newPerDay: 10,
  newDoneToday: 0,
  ...change,
});

describe('readiness projection that models forgetting', () => {
  it('forgets about one review in ten at 90 % desired retention, and one in five at 80 %', () => {
    // New cards only: every review they get is scheduled by the simulation at the desired retention.
    for (const desiredRetention of [0.9, 0.8]) {
      const p = projectCards(2000, [], input({ desiredRetention, newPerDay: 40 }))!;
      expect(p.reviewsAhead).toBeGreaterThan(2000);
      expect(p.forgottenAhead / p.reviewsAhead).toBeCloseTo(1 - desiredRetention, 1);
    }
  });

  it('projects lower recall at a lower desired retention, and far more than stopping now', () => {
    const cards = role(200);
    const at90 = projectCards(cards.length, cards, input())!;
    const at80 = projectCards(cards.length, cards, input({ desiredRetention: 0.8 }))!;
    expect(at90.ifKeepGoing).toBeGreaterThan(0.88);
    expect(at90.ifKeepGoing).toBeLessThan(1);
    expect(at80.ifKeepGoing).toBeLessThan(at90.ifKeepGoing - 0.03);
    expect(at90.ifKeepGoing).toBeGreaterThan(at90.ifStopNow + 0.1);
    // Fewer reviews at the lower retention, more of them forgotten.
    expect(at80.reviewsAhead).toBeLessThan(at90.reviewsAhead);
    expect(at80.forgottenAhead / at80.reviewsAhead).toBeGreaterThan(at90.forgottenAhead / at90.reviewsAhead);
  });

  it('a forgotten review leaves the card weaker than a recalled one', () => {
    const f = new FSRSAlgorithm(generatorParameters({ enable_fuzz: false }));
    const memory = { stability: 10, difficulty: 5, last: now - 10 * DAY, due: now };
    const until = now + 30 * DAY;
    const recalled = followCard(f, memory, until, () => 0);
    const forgotten = followCard(f, memory, until, () => 0.999999);
    expect(recalled.forgotten).toBe(0);
    expect(forgotten.forgotten).toBe(forgotten.reviews);
    expect(forgotten.reviews).toBeGreaterThan(recalled.reviews);
    expect(forgotten.recall).toBeLessThan(recalled.recall);
  });

  it('gives the same figures for the same input, and uses the role’s own parameters', () => {
    const cards = role(50);
    const a = projectCards(60, cards, input())!;
    expect(projectCards(60, cards, input())).toEqual(a);
    // The cards in another order (as another store reads them) give the same figures.
    expect(projectCards(60, [...cards].reverse(), input())).toEqual(a);
    const slowDecay = [...default_w];
    slowDecay[20] = 0.1;
    const own = projectCards(60, cards, input({ w: slowDecay }))!;
    expect(own.ifStopNow).not.toBeCloseTo(a.ifStopNow, 3);
  });

  it('introduces new cards at the daily limit, each one learned and then reviewed with forgetting', () => {
    const p = projectCards(30, [], input({ newPerDay: 3 }))!;
    expect(p.newRemaining).toBe(30);
    expect(p.ifStopNow).toBe(0);
    expect(p.forgottenAhead).toBeGreaterThan(0);
    expect(p.ifKeepGoing).toBeGreaterThan(0.8);
    expect(p.ifKeepGoing).toBeLessThan(1);
  });
});
