import { planDeckSync, type SyncPlan } from '../domain/deck/syncPlan';
import type { DeckProblem } from '../domain/deck/problem';
import type { DeckSource } from '../domain/deck/records';
import { toRow, type AppDb } from './db';

/** A deck file that can be synced: its hash is known up front, its content loaded only when needed. */
export interface DeckFile {
  id: string;
  file: string;
  hash: string;
  load: () => Promise<unknown>;
}

export interface SyncReport {
  synced: string[];
  unchanged: string[];
  problems: DeckProblem[];
}

/** Writes a sync plan. Call it inside a transaction over decks, cards and states. */
export async function writePlan(db: AppDb, plan: SyncPlan): Promise<void> {
  await db.decks.put(plan.deck);
  if (plan.putCards.length) await db.cards.bulkPut(plan.putCards);
  if (plan.newStates.length) await db.states.bulkPut(plan.newStates.map(toRow));
  const touched = [...plan.retire, ...plan.unretire, ...plan.reposition.map((r) => r.cardId)];
  if (touched.length === 0) return;
  const retire = new Set(plan.retire);
  const unretire = new Set(plan.unretire);
  const position = new Map(plan.reposition.map((r) => [r.cardId, r.position]));
  if (plan.retire.length) {
    await db.cards.where('id').anyOf(plan.retire).modify({ retired: true });
  }
  const rows = await db.states.bulkGet(touched);
  const changed = rows.flatMap((row) => {
    if (!row) return [];
    const next = { ...row };
    if (retire.has(row.cardId)) next.hidden = 'retired';
    if (unretire.has(row.cardId) && row.hidden === 'retired') next.hidden = null;
    const pos = position.get(row.cardId);
    if (pos !== undefined && row.state === 0) next.due = pos;
    return [toRow(next)];
  });
  await db.states.bulkPut(changed);
}

const applyPlan = (db: AppDb, plan: SyncPlan) =>
  db.transaction('rw', [db.decks, db.cards, db.states, db.settings], () => writePlan(db, plan));

/**
 * Brings the stored decks in line with the deck files, keeping every card's progress.
 * Idempotent: a deck whose file hash is unchanged is not even loaded, and nothing is written.
 * A deck that fails validation is reported and skipped; the others still sync.
 */
export async function syncDecks(
  db: AppDb,
  files: DeckFile[],
  source: DeckSource = 'builtin',
): Promise<SyncReport> {
  const report: SyncReport = { synced: [], unchanged: [], problems: [] };
  const stored = new Map((await db.decks.toArray()).map((d) => [d.id, d.hash]));
  for (const file of files) {
    if (stored.get(file.id) === file.hash) {
      report.unchanged.push(file.id);
      continue;
    }
    let raw: unknown;
    try {
      raw = await file.load();
    } catch (error) {
      report.problems.push({ file: file.file, cardId: null, field: '(file)', message: String(error) });
      continue;
    }
    // zod loads only when a deck changed: an ordinary start never pays for it.
    const { validateDeck } = await import('../domain/deck/validate');
    const result = validateDeck(raw, file.file, file.id);
    if (!result.ok) {
      report.problems.push(...result.problems);
      continue;
    }
    const existing = await db.cards.where('deckId').equals(file.id).toArray();
    const withState = new Set(await db.states.where('deckId').equals(file.id).primaryKeys());
    const plan = planDeckSync(
      result.deck,
      file.hash,
      source,
      existing.map((c) => ({ id: c.id, hash: c.hash, retired: c.retired, position: c.position })),
      (id) => withState.has(id),
    );
    await applyPlan(db, plan);
    report.synced.push(file.id);
  }
  return report;
}
