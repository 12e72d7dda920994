import {
  cardIdsOf,
  COLUMNS,
  emptySnapshot,
  setCardIds,
  topicIndexer,
  writeEntry,
  type CardEntry,
  type StateSnapshot,
} from './stateSnapshot';

/**
 * The rows `keep` (every row when null) of the snapshot, in a new snapshot with room for `extra`
 * rows after them. Columns a snapshot written before schema v9 lacks come back filled in.
 */
function copyRows(snap: StateSnapshot, keep: number[] | null, extra: number): StateSnapshot {
  const kept = keep ? keep.length : snap.state.length;
  const out = emptySnapshot(snap.deckId, kept + extra, [...snap.topicNames]);
  out.buriedUntil!.fill(NaN);
  for (const name of COLUMNS) {
    const from = snap[name];
    const to = out[name]!;
    if (!from) continue;
    if (!keep) to.set(from);
    else for (let j = 0; j < kept; j++) to[j] = from[keep[j]!]!;
  }
  return out;
}

/**
 * The snapshot (a copy) with the changed cards as they are now: replaced where they were, added
 * at the end in the order given, dropped when gone (undefined).
 */
export function patchSnapshot(
  snap: StateSnapshot,
  changed: ReadonlyMap<string, CardEntry | undefined>,
): StateSnapshot {
  const ids = cardIdsOf(snap);
  const at = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (changed.has(ids[i]!)) at.set(ids[i]!, i);
  const replaced: [number, CardEntry][] = [];
  const added: CardEntry[] = [];
  const gone = new Set<number>();
  for (const [cardId, entry] of changed) {
    const i = at.get(cardId);
    if (!entry) {
      if (i !== undefined) gone.add(i);
    } else if (i === undefined) added.push(entry);
    else replaced.push([i, entry]);
  }
  let keep: number[] | null = null;
  let moved = (i: number) => i;
  if (gone.size) {
    keep = ids.map((_, i) => i).filter((i) => !gone.has(i));
    const position = new Map(keep.map((i, j) => [i, j]));
    moved = (i) => position.get(i)!;
  }
  const out = copyRows(snap, keep, added.length);
  const topicOf = topicIndexer(out.topicNames);
  for (const [i, { state, topic }] of replaced) writeEntry(out, moved(i), state, topicOf(topic));
  const first = out.state.length - added.length;
  added.forEach(({ state, topic }, k) => writeEntry(out, first + k, state, topicOf(topic)));
  const keptIds = keep ? keep.map((i) => ids[i]!) : ids;
  setCardIds(out, [...keptIds, ...added.map((e) => e.state.cardId)]);
  return out;
}
