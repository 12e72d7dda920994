import { sameCardState } from '../../domain/cards/cardState';
import { cardDataFromFields, cardFields, withCardData } from '../../domain/sync/cardFields';
import { changesSince, currentUsn } from '../changeSequence';
import { fromRow, toRow, type AppDb, type StateRow } from '../db';
import { markNotesChanged } from '../notes';

/** A role's flags, suspensions, leech marks, burials and notes as fields. */
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
 * Writes the flags, suspensions, leech marks, burials and notes the merged fields give, in one
 * transaction, to the cards where they differ. Returns the cards changed, and those named that
 * are not here (a deck not here yet).
 */
export async function saveCardData(
  db: AppDb,
  deckId: string,
  values: Record<string, unknown>,
  now: number,
): Promise<{ changed: string[]; missing: string[] }> {
  const wanted = cardDataFromFields(values);
  return db.transaction('rw', db.states, db.notes, db.settings, async () => {
    const [rows, notes] = await Promise.all([
      db.states.where('deckId').equals(deckId).toArray(),
      db.notes.where('deckId').equals(deckId).toArray(),
    ]);
    const noteOf = new Map(notes.map((n) => [n.cardId, n]));
    const states: StateRow[] = [];
    const changed = new Set<string>();
    let notesChanged = false;
    for (const row of rows) {
      const data = wanted.get(row.cardId);
      if (!data) continue;
      const state = fromRow(row);
      const next = withCardData(state, data);
      if (!sameCardState(next, state)) {
        states.push(toRow(next));
        changed.add(row.cardId);
      }
      const note = noteOf.get(row.cardId);
      if (data.note !== undefined && data.note !== (note?.text ?? null)) {
        if (data.note === null) await db.notes.delete(row.cardId);
        else await db.notes.put({ cardId: row.cardId, deckId, text: data.note, updated: now });
        notesChanged = true;
        changed.add(row.cardId);
      }
    }
    if (states.length) await db.states.bulkPut(states);
    if (notesChanged) await markNotesChanged(db);
    const here = new Set(rows.map((r) => r.cardId));
    return { changed: [...changed], missing: [...wanted.keys()].filter((id) => !here.has(id)) };
  });
}

/**
 * The roles whose flags, suspensions or notes may have changed here since change sequence number
 * `since` (every role the first time), and the number to ask from next time.
 */
export async function rolesChangedSince(
  db: AppDb,
  since: number | undefined,
): Promise<{ deckIds: string[]; usn: number }> {
  if (since === undefined) {
    const [deckIds, usn] = await Promise.all([db.decks.toCollection().primaryKeys(), currentUsn(db)]);
    return { deckIds, usn };
  }
  const { usn, changes, bulk } = await changesSince(db, since);
  if (bulk.includes('*')) return { deckIds: await db.decks.toCollection().primaryKeys(), usn };
  const deckIds = new Set(bulk);
  for (const c of changes) if (c.table === 'states' || c.table === 'notes') deckIds.add(c.deckId);
  return { deckIds: [...deckIds], usn };
}
