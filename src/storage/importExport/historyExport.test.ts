import { describe, expect, it } from 'vitest';
import { DAY, review, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { REVLOG_COLUMNS } from '../../domain/export/revlogCsv';
import { parseDelimited } from '../../domain/import/delimited';
import type { ReviewLog } from '../../domain/scheduling/types';
import type { AppDb } from '../db';
import { freshDb } from '../testing';
import { writeHistory, type HistoryQuery } from './historyExport';

async function exportText(db: AppDb, query: Partial<HistoryQuery> = {}) {
  const chunks: string[] = [];
  const progress: [number, number][] = [];
  const count = await writeHistory(
    db,
    { deckId: null, range: { from: null, to: null }, format: 'csv', ...query },
    T0 + 99 * DAY,
    { write: (t) => chunks.push(t), progress: (d, t) => progress.push([d, t]) },
  );
  return { text: chunks.join(''), chunks, progress, count };
}

/** Reads the CSV the way the optimizer does: a header, then one row per review. */
function readRevlog(text: string) {
  const parsed = parseDelimited(text, ',');
  if (!parsed.ok) throw new Error('not CSV');
  const [header, ...rows] = parsed.records.map((r) => r.fields);
  return {
    header,
    rows: rows.map(([card, time, rating, state, duration]) => ({
      card: card!,
      time: Number(time),
      rating: Number(rating),
      state: Number(state),
      duration: Number(duration),
    })),
  };
}

describe('review history as FSRS optimizer CSV', () => {
  it('has the optimizer’s columns and follows its rules, one row per review', async () => {
    const db = await seeded(freshDb());
    await review(db, ['fundamentals.c', 'rag.y', 'user-mine.two'], 6, T0 + 5 * DAY, [1, 3, 3, 2, 4, 3]);
    const logs = await db.logs.toArray();
    const cardIds = new Set(await db.cards.toCollection().primaryKeys());
    const { text, count } = await exportText(db);
    const { header, rows } = readRevlog(text);

    expect(header).toEqual([...REVLOG_COLUMNS]);
    expect(rows).toHaveLength(logs.length);
    expect(count).toBe(logs.length);
    for (const row of rows) {
      expect(cardIds.has(row.card)).toBe(true);
      expect(Number.isInteger(row.time) && row.time > Date.UTC(2020, 0, 1)).toBe(true);
      expect([1, 2, 3, 4]).toContain(row.rating);
      expect([0, 1, 2, 3]).toContain(row.state);
      expect(Number.isInteger(row.duration) && row.duration >= 0).toBe(true);
    }
    const sorted = [...rows].sort((a, b) => (a.card < b.card ? -1 : a.card > b.card ? 1 : a.time - b.time));
    expect(rows).toEqual(sorted);
    const byCard = new Map<string, typeof rows>();
    for (const row of rows) byCard.set(row.card, [...(byCard.get(row.card) ?? []), row]);
    for (const [card, reviews] of byCard) {
      expect(reviews[0]!.state, `first review of ${card}`).toBe(0);
      expect(reviews.slice(1).every((r) => r.state !== 0)).toBe(true);
    }
    const expected = new Map(logs.map((l) => [`${l.cardId}@${l.review}`, l]));
    for (const row of rows) {
      const log = expected.get(`${row.card}@${row.time}`)!;
      expect([row.rating, row.state, row.duration]).toEqual([log.rating, log.state, log.durationMs]);
    }
  });

  it('exports one role, or a date range with the end day included', async () => {
    const db = await seeded(freshDb());
    const rag = readRevlog((await exportText(db, { deckId: 'rag' })).text).rows;
    expect(rag.map((r) => r.card)).toEqual(['rag.x', 'rag.x', 'rag.x']);
    const range = { from: T0 + DAY - 1, to: T0 + 2 * DAY - 1 };
    const day2 = readRevlog((await exportText(db, { range })).text).rows;
    expect(day2).toHaveLength(4);
    expect(day2.every((r) => r.time >= range.from && r.time < range.to)).toBe(true);
  });

  it('writes the JSON history with every field, the card’s topic and deck', async () => {
    const db = await seeded(freshDb());
    const { text } = await exportText(db, { format: 'json', deckId: 'user-mine' });
    const json = JSON.parse(text) as {
      scope: string;
      count: number;
      reviews: (ReviewLog & { topic: string })[];
    };
    expect(json).toMatchObject({ scope: 'user-mine', count: 3 });
    expect(json.reviews[0]).toEqual({
      ...(await db.logs.get(json.reviews[0]!.id)),
      topic: 'basics',
      reviewedAt: new Date(json.reviews[0]!.review).toISOString(),
    });
  });

  it('reads a large history in pages, sorted, with progress up to the total', async () => {
    const db = freshDb();
    const logs: ReviewLog[] = Array.from({ length: 24_000 }, (_, i) => ({
      id: `l${i}`,
      cardId: `rag.c${String(i % 600).padStart(3, '0')}`,
      deckId: 'rag',
      rating: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      state: i < 600 ? 0 : 2,
      due: T0,
      stability: 1,
      difficulty: 5,
      elapsedDays: 1,
      lastElapsedDays: 1,
      scheduledDays: 1,
      learningSteps: 0,
      review: T0 + (24_000 - i) * 1000,
      durationMs: 1500,
    }));
    await db.logs.bulkAdd(logs);
    const { text, chunks, progress, count } = await exportText(db);
    expect(count).toBe(24_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(text.length / 4);
    expect(progress.at(-1)).toEqual([24_000, 24_000]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);
    const { rows } = readRevlog(text);
    expect(rows.slice(0, 2).map((r) => r.card)).toEqual(['rag.c000', 'rag.c000']);
    expect(
      rows.every(
        (r, i) =>
          i === 0 ||
          r.card > rows[i - 1]!.card ||
          (r.card === rows[i - 1]!.card && r.time >= rows[i - 1]!.time),
      ),
    ).toBe(true);

    // A skewed history: one card reviewed thousands of times does not pull its neighbours into its page.
    await db.logs.bulkAdd(logs.slice(0, 9_000).map((l, i) => ({ ...l, id: `hot${i}`, cardId: 'rag.c000' })));
    const skewed = await exportText(db);
    const rowsPerChunk = skewed.chunks.slice(1).map((c) => c.split('\n').length - 1);
    expect(rowsPerChunk[0]).toBe(9_040);
    expect(Math.max(...rowsPerChunk.slice(1))).toBeLessThanOrEqual(5_000);

    const controller = new AbortController();
    controller.abort();
    await expect(
      writeHistory(db, { deckId: null, range: { from: null, to: null }, format: 'csv' }, T0, {
        write: () => {},
        progress: () => {},
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
    // Seeding 33,000 logs into fake-indexeddb takes seconds on a loaded machine.
  }, 30_000);
});
