/** Test helpers for the log blocks: a varied history, and the export as the plain sort would write it. */
import { historyJsonChunk, historyJsonHead, historyJsonTail } from '../../domain/export/historyJson';
import { compareLogs, inRange, REVLOG_HEADER, revlogCsvRows } from '../../domain/export/revlogCsv';
import type { CardState, Rating, ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { changeRowsSince } from '../changeSequence';
import { monthOf, monthsChanged, readBlocksMeta } from './logMonths';
import { writeHistory, type HistoryQuery } from '../importExport/historyExport';

export const NOW = Date.UTC(2026, 5, 1);
const MONTHS = [Date.UTC(2025, 10, 1), Date.UTC(2025, 11, 1), Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1)];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const makeLog = (id: string, cardId: string, review: number, i = 0): ReviewLog => ({
  id,
  cardId,
  deckId: cardId.slice(0, cardId.indexOf('.')),
  rating: ((i % 4) + 1) as Rating,
  state: (i % 4) as CardState,
  due: review + 86_400_000,
  stability: 1.5 + (i % 7) / 3,
  difficulty: 5 + (i % 3) / 7,
  elapsedDays: i % 5,
  lastElapsedDays: i % 3,
  scheduledDays: (i % 9) + 0.25,
  learningSteps: i % 2,
  review,
  durationMs: i % 11 === 0 ? 1234.5 : 4000 + i,
});

/**
 * Logs of several decks (`a` and `a-b` too: `a-b.` sorts before `a.`) over four months, with reviews
 * at the same millisecond, on month boundaries and a millisecond before them, and ids out of time order.
 */
export function history(n: number, seed = 1, prefix = 'h'): ReviewLog[] {
  const rnd = rng(seed);
  const cards = ['rag.x', 'rag.y', 'fundamentals.a', 'fundamentals.b', 'a.one', 'a-b.two', 'user-mine.one'];
  return Array.from({ length: n }, (_, i) => {
    const start = MONTHS[Math.floor(rnd() * MONTHS.length)]!;
    const r = rnd();
    const review =
      r < 0.1
        ? start
        : r < 0.2
          ? start - 1
          : r < 0.3
            ? start + 5_000
            : start + Math.floor(rnd() * 28 * 86_400_000);
    const id = `${prefix}${Math.floor(rnd() * 1e9).toString(36)}-${i}`;
    return makeLog(id, cards[Math.floor(rnd() * cards.length)]!, review, i);
  });
}

export async function exportText(db: AppDb, query: Partial<HistoryQuery> = {}): Promise<string> {
  let text = '';
  const q: HistoryQuery = { deckId: null, range: { from: null, to: null }, format: 'csv', ...query };
  await writeHistory(db, q, NOW, { write: (t) => (text += t), progress: () => {} });
  return text;
}

/** The export computed the plain way: every log read, filtered and sorted by compareLogs. */
export async function expectedText(db: AppDb, query: Partial<HistoryQuery> = {}): Promise<string> {
  const q: HistoryQuery = { deckId: null, range: { from: null, to: null }, format: 'csv', ...query };
  const logs = (await db.logs.toArray())
    .filter((l) => q.deckId === null || l.cardId.startsWith(`${q.deckId}.`))
    .filter(inRange(q.range))
    .sort(compareLogs);
  if (q.format === 'csv') return REVLOG_HEADER + revlogCsvRows(logs);
  const cards = await db.cards.toArray();
  const topics = new Map(cards.map((c) => [c.id, c.topic]));
  return (
    historyJsonHead({ exportedAt: NOW, deckId: q.deckId, range: q.range, count: logs.length }) +
    historyJsonChunk(logs, (id) => topics.get(id) ?? null, true) +
    historyJsonTail(await db.mocks.toArray(), q.deckId, q.range)
  );
}

export const QUERIES: Partial<HistoryQuery>[] = [
  {},
  { format: 'json' },
  { deckId: 'rag' },
  { deckId: 'a', format: 'json' },
  { range: { from: MONTHS[1]! - 1, to: MONTHS[2]! + 5_000 } },
  { deckId: 'fundamentals', range: { from: MONTHS[1]!, to: null }, format: 'json' },
];

/** Every export in QUERIES is byte for byte the plain one. */
export async function expectExportsExact(db: AppDb): Promise<void> {
  for (const q of QUERIES) {
    const [got, want] = [await exportText(db, q), await expectedText(db, q)];
    if (got !== want) throw new Error(`export ${JSON.stringify(q)} differs from the plain sort`);
  }
}

/** Blocks exactly for the deck-months that have reviews: none missing, none left over. */
export async function expectBlocksMatchMonths(db: AppDb): Promise<void> {
  const months = new Set((await db.logs.toArray()).map((l) => `${l.deckId}:${monthOf(l.review)}`));
  const blocks = new Set((await db.logBlocks.toCollection().primaryKeys()).map(([d, m]) => `${d}:${m}`));
  if (months.size !== blocks.size || [...months].some((m) => !blocks.has(m)))
    throw new Error(`blocks ${[...blocks].join(' ')} ≠ months with reviews ${[...months].join(' ')}`);
}

/**
 * The deck-months whose blocks are not current: still to build, or changed since the blocks'
 * number (Infinity: no block can be trusted: none built yet, or a wholesale change since).
 */
export async function monthsNotCurrent(db: AppDb): Promise<number> {
  const meta = await readBlocksMeta(db);
  if (!meta) return Infinity;
  const { months, wholesale } = monthsChanged(await changeRowsSince(db, meta.usn));
  if (wholesale.size) return Infinity;
  return new Set([...meta.pending, ...months].map(([deckId, month]) => `${deckId}:${month}`)).size;
}
