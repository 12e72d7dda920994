import { sameCardState } from '../../domain/cards/cardState';
import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { SchedState } from '../../domain/scheduling/types';
import type { CardNote } from '../../domain/cards/note';
import { cardDataFromFields, cardFields, withCardData } from '../../domain/sync/cardFields';
import { replayCard } from '../../domain/sync/replay';
import { changesSince, currentUsn } from '../changeSequence';
import { fromRow, toRow, type AppDb, type StateRow } from '../db';
import { markNotesChanged } from '../notes';
import { logsByCard } from '../../domain/scheduling/logsByCard';

/** A role's flags, suspensions, leech marks, burials, notes and progress resets as fields. */
export async function loadCardData(db: AppDb, deckId: string): Promise<Record<string, unknown>> {
  return db.transaction('r', db.states, db.notes, async () => {
    const [rows, notes] = await Promise.all([
      db.states.where('deckId').equals(deckId).toArray(),
      db.notes.where('deckId').equals(deckId).toArray(),
    ]);
    return cardFields(rows.map(fromRow), notes);
  });
}

/**
 * The same fields of the cards `cardIds` only (those of other roles, and cards not here, left out):
 * what a sync compares with the last merge when only those cards changed here.
 */
export async function loadCardDataOf(
  db: AppDb,
  deckId: string,
  cardIds: string[],
): Promise<Record<string, unknown>> {
  return db.transaction('r', db.states, db.notes, async () => {
    const [rows, notes] = await Promise.all([db.states.bulkGet(cardIds), db.notes.bulkGet(cardIds)]);
    const states = rows.flatMap((row) => (row && row.deckId === deckId ? [fromRow(row)] : []));
    return cardFields(
      states,
      notes.flatMap((n) => (n ? [n] : [])),
    );
  });
}

/**
 * Writes the flags, suspensions, leech marks, burials, notes and resets the merged fields give, in
 * one transaction, to the cards where they differ; a card whose reset time changed (reset on
 * another device, or a reset undone there) gets the state its reviews since then replay to (new
 * again if none). Returns the cards changed, and those named that are not here (a deck not here yet).
 */
export async function saveCardData(
  db: AppDb,
  deckId: string,
  values: Record<string, unknown>,
  now: number,
  scheduler: Scheduler,
): Promise<{ changed: string[]; missing: string[] }> {
  const wanted = cardDataFromFields(values);
  return db.transaction('rw', [db.states, db.notes, db.settings, db.logs, db.cards], async () => {
    const [rows, notes] = await Promise.all([
      db.states.where('deckId').equals(deckId).toArray(),
      db.notes.where('deckId').equals(deckId).toArray(),
    ]);
    const noteOf = new Map(notes.map((n) => [n.cardId, n]));
    const states: StateRow[] = [];
    const changed = new Set<string>();
    const reset: SchedState[] = [];
    // Written together at the end: one write each, not one per note (each write of a transaction
    // rewrites its change log row, which lists every note written before it).
    const putNotes: CardNote[] = [];
    const deleteNotes: string[] = [];
    for (const row of rows) {
      const data = wanted.get(row.cardId);
      if (!data) continue;
      const state = fromRow(row);
      const next = withCardData(state, data);
      if (next.resetAt !== state.resetAt) reset.push(next);
      else if (!sameCardState(next, state)) states.push(toRow(next));
      if (!sameCardState(next, state)) changed.add(row.cardId);
      const note = noteOf.get(row.cardId);
      if (data.note !== undefined && data.note !== (note?.text ?? null)) {
        if (data.note === null) deleteNotes.push(row.cardId);
        else putNotes.push({ cardId: row.cardId, deckId, text: data.note, updated: now });
        changed.add(row.cardId);
      }
    }
    states.push(...(await replayed(db, reset, scheduler)).map(toRow));
    if (states.length) await db.states.bulkPut(states);
    if (putNotes.length) await db.notes.bulkPut(putNotes);
    if (deleteNotes.length) await db.notes.bulkDelete(deleteNotes);
    if (putNotes.length || deleteNotes.length) await markNotesChanged(db);
    const here = new Set(rows.map((r) => r.cardId));
    return { changed: [...changed], missing: [...wanted.keys()].filter((id) => !here.has(id)) };
  });
}

/** Each state given what its reviews since its reset (if any) replay to, at its position when none count. */
async function replayed(db: AppDb, states: SchedState[], scheduler: Scheduler): Promise<SchedState[]> {
  if (states.length === 0) return [];
  const ids = states.map((s) => s.cardId);
  const [logs, cards] = await Promise.all([
    db.logs.where('cardId').anyOf(ids).toArray(),
    db.cards.bulkGet(ids),
  ]);
  const byCard = logsByCard(logs);
  return states.map((s, i) => replayCard(s, byCard.get(s.cardId) ?? [], scheduler, cards[i]?.position ?? 0));
}

/**
 * The roles whose flags, suspensions or notes may have changed here since change sequence number
 * `since` (every role the first time), and the number to ask from next time. `cards`: for a role
 * changed card by card (not rewritten wholesale), the cards whose states or notes changed.
 */
export async function rolesChangedSince(
  db: AppDb,
  since: number | undefined,
): Promise<{ deckIds: string[]; usn: number; cards: Map<string, string[]> }> {
  if (since === undefined) {
    const [deckIds, usn] = await Promise.all([db.decks.toCollection().primaryKeys(), currentUsn(db)]);
    return { deckIds, usn, cards: new Map() };
  }
  const { usn, changes, bulk } = await changesSince(db, since);
  if (bulk.includes('*'))
    return { deckIds: await db.decks.toCollection().primaryKeys(), usn, cards: new Map() };
  const cards = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.table !== 'states' && c.table !== 'notes') continue;
    const ids = cards.get(c.deckId) ?? new Set<string>();
    cards.set(c.deckId, ids.add(c.key));
  }
  const deckIds = new Set([...bulk, ...cards.keys()]);
  for (const deckId of bulk) cards.delete(deckId);
  return { deckIds: [...deckIds], usn, cards: new Map([...cards].map(([d, ids]) => [d, [...ids]])) };
}
