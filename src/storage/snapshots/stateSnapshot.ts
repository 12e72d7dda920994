import type { CardState, Flag, SchedState } from '../../domain/scheduling/types';
import { FLAG_BITS, HIDDEN, LEECH, type StateColumns } from '../../domain/stats/stateColumns';

/**
 * Every card state of one role, column by column, with each card's topic: what statistics read
 * instead of thousands of state records (one record, typed arrays that deserialize as a copy).
 * Derived from `states` and `cards`; kept current by applying `changes` (see loadSnapshots).
 */
export interface StateSnapshot extends StateColumns {
  /**
   * The card ids in column order, joined by a newline (card ids have none): one string reads from
   * IndexedDB as one copy, where an array of 100,000 strings took most of a cold read. Snapshots
   * written before held `cardIds`, an array; `fromStored` reads both.
   */
  ids: string;
  /** SNAPSHOT_FORMAT when written; absent: format 1 (snapshots from before it was recorded). */
  format?: number;
}

/**
 * The layout of a stored snapshot (its columns and what they mean). Raise it when that changes:
 * a stored snapshot of another format is rebuilt from the states when next read.
 */
export const SNAPSHOT_FORMAT = 1;

export const formatOf = (snap: StateSnapshot): number => snap.format ?? 1;

const SEPARATOR = '\n';
const split = new WeakMap<StateSnapshot, string[]>();

/** The snapshot's card ids, in column order (split once per snapshot). */
export function cardIdsOf(snap: StateSnapshot): string[] {
  let ids = split.get(snap);
  if (!ids) split.set(snap, (ids = snap.ids === '' ? [] : snap.ids.split(SEPARATOR)));
  return ids;
}

const joinIds = (ids: readonly string[]): string => ids.join(SEPARATOR);

/** Sets the snapshot's card ids (kept split too: a patched copy reuses the very strings). */
export function setCardIds(snap: StateSnapshot, ids: string[]): void {
  snap.ids = joinIds(ids);
  split.set(snap, ids);
}

/** A stored snapshot as this code reads it: one written with a `cardIds` array gets `ids`. */
export function fromStored(row: StateSnapshot): { snap: StateSnapshot; rewrite: boolean } {
  if (typeof row.ids === 'string') return { snap: row, rewrite: false };
  const { cardIds, ...columns } = row as StateSnapshot & { cardIds: string[] };
  return { snap: { ...columns, ids: joinIds(cardIds) }, rewrite: true };
}

export interface CardEntry {
  state: SchedState;
  topic: string | undefined;
}

/** The typed-array columns, one value per card. */
export const COLUMNS = [
  'topic',
  'state',
  'hidden',
  'due',
  'stability',
  'difficulty',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'lastReview',
  'marks',
  'buriedUntil',
] as const;

/**
 * Does not compile when SchedState gains a field snapshots would drop: add a column (or a mark
 * bit). `resetAt` is left out on purpose: only sync's replays read it, never statistics.
 */
type UnsnapshottedField = Exclude<
  keyof SchedState,
  (typeof COLUMNS)[number] | 'cardId' | 'deckId' | 'flag' | 'leech' | 'resetAt'
>;
export const SNAPSHOTS_CARRY_EVERY_FIELD: [UnsnapshottedField] extends [never] ? true : UnsnapshottedField =
  true;

/** A snapshot of `n` cards, every column allocated (values to be written). */
export function emptySnapshot(deckId: string, n: number, topicNames: string[] = []): StateSnapshot {
  return {
    deckId,
    format: SNAPSHOT_FORMAT,
    ids: '',
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
}

/** card topic → its index in the snapshot's topicNames, adding topics it does not have yet. */
export function topicIndexer(topicNames: string[]): (topic: string | undefined) => number {
  const index = new Map(topicNames.map((name, i) => [name, i]));
  return (topic) => {
    if (topic === undefined) return -1;
    let t = index.get(topic);
    if (t === undefined) {
      t = topicNames.push(topic) - 1;
      index.set(topic, t);
    }
    return t;
  };
}

/** Writes one card's state and topic (an index from `topicIndexer`) at `i`; its id goes in `ids`. */
export function writeEntry(snap: StateSnapshot, i: number, s: SchedState, topic: number): void {
  snap.topic[i] = topic;
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
}

/** Packs states (with their topics) into a snapshot. */
export function packSnapshot(deckId: string, entries: readonly CardEntry[]): StateSnapshot {
  const snap = emptySnapshot(deckId, entries.length);
  const topicOf = topicIndexer(snap.topicNames);
  entries.forEach(({ state, topic }, i) => writeEntry(snap, i, state, topicOf(topic)));
  setCardIds(
    snap,
    entries.map((e) => e.state.cardId),
  );
  return snap;
}

/** The snapshot's cards as states and topics, in the snapshot's order. */
export function unpackSnapshot(snap: StateSnapshot): CardEntry[] {
  const ids = cardIdsOf(snap);
  const out = new Array<CardEntry>(ids.length);
  for (let i = 0; i < out.length; i++) {
    const last = snap.lastReview[i]!;
    const t = snap.topic[i]!;
    const marks = snap.marks?.[i] ?? 0;
    const buried = snap.buriedUntil?.[i] ?? NaN;
    out[i] = {
      state: {
        cardId: ids[i]!,
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
        ...(marks & FLAG_BITS ? { flag: (marks & FLAG_BITS) as Flag } : {}),
        ...(marks & LEECH ? { leech: true as const } : {}),
        ...(Number.isNaN(buried) ? {} : { buriedUntil: buried }),
      },
      topic: t < 0 ? undefined : snap.topicNames[t],
    };
  }
  return out;
}
