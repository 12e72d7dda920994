import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flag, Hidden, SchedState } from '../../domain/scheduling/types';
import { statsReportOfColumns } from '../../domain/stats/columnReport';
import { readinessOfColumns, roleAt, roleCountsOfColumns } from '../../domain/stats/columnStats';
import { readiness } from '../../domain/stats/readiness';
import { statsReport } from '../../domain/stats/report';
import { roleCounts } from '../../domain/stats/roleCounts';
import { endOfReviewDay } from '../../domain/time/reviewDay';
import { patchSnapshot } from './patchSnapshot';
import { packSnapshot, unpackSnapshot, type CardEntry } from './stateSnapshot';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = new Date(2026, 2, 20, 10).getTime();

/** Any state a card may be in: new, learning, due, overdue, hidden, flagged, a leech. */
const stateArb = (cardId: string, deckId: string): fc.Arbitrary<SchedState> =>
  fc
    .record({
      state: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
      due: fc.oneof(
        fc.integer({ min: t0 - 400 * DAY, max: t0 + 400 * DAY }),
        // On the hour, or a millisecond either side: where review days start.
        fc
          .tuple(fc.nat(64 * 24), fc.constantFrom(-1, 0, 1))
          .map(([h, ms]) => new Date(2026, 2, 18).getTime() + h * HOUR + ms),
      ),
      stability: fc.double({ min: 0.001, max: 36_500, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
      reps: fc.nat(50),
      lapses: fc.nat(20),
      lastReview: fc.option(fc.integer({ min: t0 - 800 * DAY, max: t0 + DAY })),
      hidden: fc.constantFrom<Hidden>(null, null, null, 'suspended', 'retired', 'buried'),
      flag: fc.option(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Flag>, { nil: undefined }),
      leech: fc.option(fc.constant(true as const), { nil: undefined }),
      buriedUntil: fc.option(fc.integer({ min: t0, max: t0 + 2 * DAY }), { nil: undefined }),
    })
    .map(({ flag, leech, buriedUntil, ...s }) => ({
      cardId,
      deckId,
      scheduledDays: 3,
      learningSteps: 0,
      ...s,
      ...(flag ? { flag } : {}),
      ...(leech ? { leech } : {}),
      ...(buriedUntil !== undefined ? { buriedUntil } : {}),
    }));

const roleArb = (deckId: string) =>
  fc.integer({ min: 0, max: 25 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          state: stateArb(`${deckId}.c${i}`, deckId),
          topic: fc.constantFrom<string | undefined>(undefined, 'retrieval', 'agents', 'evals'),
        }),
      ),
    ),
  ) as fc.Arbitrary<CardEntry[]>;

const rolesArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roleArb(`role${i}`))));

const whenArb = fc.record({
  now: fc.integer({ min: t0 - DAY, max: t0 + 30 * DAY }),
  rolloverHour: fc.integer({ min: 0, max: 23 }),
  interviewInDays: fc.option(fc.integer({ min: -3, max: 90 })),
  desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
  newPerDay: fc.nat(30),
});

const isoDate = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('statistics from snapshot columns', () => {
  it('equal those from the state objects: the glance, and the report of all roles or of one', () => {
    fc.assert(
      fc.property(rolesArb, whenArb, (roles, when) => {
        const { now, rolloverHour } = when;
        const snaps = roles.map((entries, i) => packSnapshot(`role${i}`, entries));
        const dayEnd = endOfReviewDay(now, rolloverHour);
        roles.forEach((entries, i) => {
          const states = entries.map((e) => e.state);
          expect(readinessOfColumns([roleAt(snaps[i]!, now)])).toEqual(readiness(states, now));
          expect(roleCountsOfColumns([snaps[i]!], dayEnd)).toEqual(roleCounts(states, dayEnd));
        });

        const interview =
          when.interviewInDays === null
            ? null
            : {
                date: isoDate(now + when.interviewInDays * DAY),
                desiredRetention: when.desiredRetention,
                newPerDay: when.newPerDay,
              };
        const common = { days: [], now, rolloverHour };
        const all = statsReportOfColumns({ ...common, roles: snaps, byTopic: false, interview: null });
        const states = roles.flat().map((e) => e.state);
        expect(all).toEqual(statsReport({ ...common, states, topicOf: () => undefined, interview: null }));

        const topics = new Map(roles[0]!.map((e) => [e.state.cardId, e.topic]));
        const one = statsReportOfColumns({ ...common, roles: [snaps[0]!], byTopic: true, interview });
        const fromObjects = statsReport({
          ...common,
          states: roles[0]!.map((e) => e.state),
          topicOf: (id) => topics.get(id),
          interview,
        });
        expect(one).toEqual(fromObjects);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('a patched snapshot holds what packing the patched states gives', () => {
    fc.assert(
      fc.property(
        roleArb('rag'),
        fc.array(fc.tuple(fc.nat(40), fc.boolean(), fc.constantFrom('retrieval', 'new topic'))),
        (entries, edits) => {
          const expected = [...entries];
          const changed = new Map<string, CardEntry | undefined>();
          for (const [k, keep, topic] of edits) {
            const cardId = `rag.c${k}`;
            const entry = keep ? { state: { ...newStateLike(cardId), reps: k }, topic } : undefined;
            changed.set(cardId, entry);
          }
          for (const [cardId, entry] of changed) {
            const i = expected.findIndex((e) => e.state.cardId === cardId);
            if (i >= 0) expected[i] = entry ?? expected[i]!;
            else if (entry) expected.push(entry);
          }
          const gone = new Set([...changed].filter(([, e]) => !e).map(([id]) => id));
          const want = expected.filter((e) => !gone.has(e.state.cardId));
          expect(unpackSnapshot(patchSnapshot(packSnapshot('rag', entries), changed))).toEqual(want);
        },
      ),
    );
  });

  it('a snapshot written before schema v9 (no flag or burial columns) is patched as if it had them', () => {
    const entries = [0, 1, 2].map((k) => ({ state: newStateLike(`rag.c${k}`), topic: 'evals' }));
    const old = packSnapshot('rag', entries);
    delete old.marks;
    delete old.buriedUntil;
    const flagged = {
      state: { ...newStateLike('rag.c1'), flag: 3 as const, leech: true as const },
      topic: 'evals',
    };
    const changed = new Map([
      ['rag.c1', flagged],
      ['rag.c0', undefined],
    ]);
    expect(unpackSnapshot(patchSnapshot(old, changed))).toEqual([flagged, entries[2]]);
  });
});

const newStateLike = (cardId: string): SchedState => ({
  cardId,
  deckId: 'rag',
  state: 2,
  due: t0 + DAY,
  stability: 4.5,
  difficulty: 5,
  scheduledDays: 4,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  lastReview: t0,
  hidden: null,
});
