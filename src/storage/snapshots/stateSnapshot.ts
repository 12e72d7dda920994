import type { CardState, Flag, Hidden, SchedState } from '../../domain/scheduling/types';

/**
 * Every card state of one role, column by column, with each card's topic: what statistics read
 * instead of thousands of state records (one record, typed arrays that deserialize as a copy).
 * Derived from `states` and `cards`; kept current by applying `changes` (see loadSnapshots).
 */
export interface StateSnapshot {
  deckId: string;
  cardIds: string[];
  topicNames: string[];
  /** Index into topicNames, per card; -1: no card record. */
  topic: Int32Array;
  state: Uint8Array;
  /** 0 shown, 1 suspended, 2 retired, 3 buried. */
  hidden: Uint8Array;
  due: Float64Array;
  stability: Float64Array;
  difficulty: Float64Array;
  scheduledDays: Float64Array;
  learningSteps: Float64Array;
  reps: Float64Array;
  lapses: Float64Array;
  /** NaN: never reviewed. */
  lastReview: Float64Array;
  /** The flag (0–7) in the low 3 bits, 8: a leech. Absent in snapshots written before schema v9. */
  marks?: Uint8Array;
  /** NaN: not buried. Absent before schema v9. */
  buriedUntil?: Float64Array;
}

const HIDDEN: Hidden[] = [null, 'suspended', 'retired', 'buried'];
const LEECH = 8;

export interface CardEntry {
  state: SchedState;
  topic: string | undefined;
}

/** Packs states (with their topics) into a snapshot. */
export function packSnapshot(deckId: string, entries: readonly CardEntry[]): StateSnapshot {
  const n = entries.length;
  const topicNames: string[] = [];
  const topicIndex = new Map<string, number>();
  const snap: StateSnapshot = {
    deckId,
    cardIds: new Array<string>(n),
    topicNames,
    topic: new Int32Array(n),
    state: new Uint8Array(n),
    hidden: new Uint8Array(n),
    due: new Float64Array(n),
    stability: new Float64Array(n),
    difficulty: new Float64Array(n),
    scheduledDays: new Float64Array(n),
    learningSteps: new Float64Array(n),
    reps: new Float64Array(n),
    lapses: new Float64Array(n),
    lastReview: new Float64Array(n),
    marks: new Uint8Array(n),
    buriedUntil: new Float64Array(n),
  };
  entries.forEach(({ state: s, topic }, i) => {
    snap.cardIds[i] = s.cardId;
    let t = -1;
    if (topic !== undefined) {
      t = topicIndex.get(topic) ?? topicNames.length;
      if (t === topicNames.length) {
        topicIndex.set(topic, t);
        topicNames.push(topic);
      }
    }
    snap.topic[i] = t;
    snap.state[i] = s.state;
    snap.hidden[i] = HIDDEN.indexOf(s.hidden);
    snap.due[i] = s.due;
    snap.stability[i] = s.stability;
    snap.difficulty[i] = s.difficulty;
    snap.scheduledDays[i] = s.scheduledDays;
    snap.learningSteps[i] = s.learningSteps;
    snap.reps[i] = s.reps;
    snap.lapses[i] = s.lapses;
    snap.lastReview[i] = s.lastReview ?? NaN;
    snap.marks![i] = (s.flag ?? 0) | (s.leech ? LEECH : 0);
    snap.buriedUntil![i] = s.buriedUntil ?? NaN;
  });
  return snap;
}

/** The snapshot's cards as states and topics, in the snapshot's order. */
export function unpackSnapshot(snap: StateSnapshot): CardEntry[] {
  const out = new Array<CardEntry>(snap.cardIds.length);
  for (let i = 0; i < out.length; i++) {
    const last = snap.lastReview[i]!;
    const t = snap.topic[i]!;
    const marks = snap.marks?.[i] ?? 0;
    const buried = snap.buriedUntil?.[i] ?? NaN;
    out[i] = {
      state: {
        cardId: snap.cardIds[i]!,
        deckId: snap.deckId,
        state: snap.state[i] as CardState,
        due: snap.due[i]!,
        stability: snap.stability[i]!,
        difficulty: snap.difficulty[i]!,
        scheduledDays: snap.scheduledDays[i]!,
        learningSteps: snap.learningSteps[i]!,
        reps: snap.reps[i]!,
        lapses: snap.lapses[i]!,
        lastReview: Number.isNaN(last) ? null : last,
        hidden: HIDDEN[snap.hidden[i]!] ?? null,
        ...(marks & 7 ? { flag: (marks & 7) as Flag } : {}),
        ...(marks & LEECH ? { leech: true as const } : {}),
        ...(Number.isNaN(buried) ? {} : { buriedUntil: buried }),
      },
      topic: t < 0 ? undefined : snap.topicNames[t],
    };
  }
  return out;
}
