import type { AppDb } from '../src/storage/db';
import type * as CardPageModule from '../src/storage/cardPage';
import type * as HistoryModule from '../src/domain/browse/history';

const engines = import.meta.glob('../src/features/browser/search/engine.ts');
const cardPages = import.meta.glob('../src/storage/cardPage.ts');
const histories = import.meta.glob('../src/domain/browse/history.ts');

/** Queries of the synthetic content (bench/content.ts): English words and pairs, Chinese phrases. */
const QUERIES = [
  'attention cache',
  'reranker',
  'quantization kernel',
  'canary drift',
  'tokenizer vocabulary',
  'backpressure',
  'gradient checkpoint',
  'guardrail',
  'lineage schema',
  'expert router',
  '注意力 缓存',
  '重排',
  '量化',
  '漂移 监控',
  '分词器',
  '检查点 梯度',
  '智能体 工具',
  '提示词',
  '学习率',
  '召回 指标',
];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

interface Engine {
  refresh(): Promise<void>;
  search(q: unknown, now: number, rolloverHour: number, lang: string, first: number): { total: number };
  size(): { documents: number; terms: number; bytes: number };
}

/**
 * The card browser's search as its worker runs it (the same engine, here on the harness page):
 * the index built over every card, then 20 queries (English and Chinese) with their filters and
 * sort, p95; the index's size. The worker's message round trip is not included.
 */
export async function browseSearch(
  db: AppDb,
  now: number,
): Promise<Record<string, number | string> | string> {
  const load = Object.values(engines)[0];
  if (!load) return 'the card browser does not exist yet (src/features/browser/search/engine.ts)';
  const { BrowseEngine } = (await load()) as { BrowseEngine: new (db: AppDb) => Engine };
  const { defaultQuery } = await import('../src/domain/browse/query');
  const engine = new BrowseEngine(db);
  const t0 = performance.now();
  await engine.refresh();
  const build = performance.now() - t0;
  const times: number[] = [];
  let hits = 0;
  for (const text of QUERIES) {
    const start = performance.now();
    hits += engine.search({ ...defaultQuery, text }, now, 4, 'en', 60).total;
    times.push(performance.now() - start);
  }
  let size: { documents: number; terms: number; bytes: number | string };
  try {
    size = engine.size();
  } catch (error) {
    size = { documents: NaN, terms: NaN, bytes: `not serialized: ${String(error)}` };
  }
  return {
    search_ms: p95(times),
    search_median_ms: [...times].sort((a, b) => a - b)[10]!,
    search_index_build_ms: build,
    search_mean_hits: hits / QUERIES.length,
    search_index_docs: size.documents,
    search_index_terms: size.terms,
    search_index_mb: typeof size.bytes === 'number' ? size.bytes / 1e6 : size.bytes,
  };
}

/**
 * Opening a card page's data for a card with 500 reviews (in a database of its own, so the
 * collection is not changed): the read in one transaction, the history and the recall curve.
 * Rendering is not included.
 */
export async function cardPage(now: number): Promise<Record<string, number> | string> {
  const [loadPage, loadHistory] = [Object.values(cardPages)[0], Object.values(histories)[0]];
  if (!loadPage || !loadHistory) return 'the card page does not exist yet (src/storage/cardPage.ts)';
  const { loadCardPage } = (await loadPage()) as typeof CardPageModule;
  const { cardHistory, recallCurve } = (await loadHistory()) as typeof HistoryModule;
  const { openDb, toRow } = await import('../src/storage/db');
  const { newState } = await import('../src/domain/scheduling/newState');
  const db = openDb(`bench-card-page-${now}`);
  try {
    const id = 'bench.card';
    const DAY = 86_400_000;
    await db.cards.put({
      id,
      deckId: 'bench',
      position: 0,
      hash: 'h',
      retired: false,
      topic: 't',
      tags: [],
      difficulty: 2,
      type: 'concept',
      question: { en: 'Q', zh: '问' },
      answer: { en: 'A', zh: '答' },
    });
    const first = now - 500 * DAY;
    await db.states.put(
      toRow({
        ...newState(id, 'bench', 0),
        state: 2,
        due: now + DAY,
        stability: 30,
        difficulty: 5,
        reps: 500,
        lastReview: now - DAY,
      }),
    );
    await db.logs.bulkAdd(
      Array.from({ length: 500 }, (_, i) => ({
        id: `l${i}`,
        cardId: id,
        deckId: 'bench',
        rating: 3 as const,
        state: 2 as const,
        due: first + i * DAY,
        stability: 1 + i / 10,
        difficulty: 5,
        elapsedDays: 1,
        lastElapsedDays: 1,
        scheduledDays: 1,
        learningSteps: 0,
        review: first + i * DAY,
        durationMs: 5000,
      })),
    );
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      const page = await loadCardPage(db, id);
      recallCurve(cardHistory(page!.logs, page!.state), now);
      times.push(performance.now() - t0);
    }
    return { card_page_ms: [...times].sort((a, b) => a - b)[3]! };
  } finally {
    db.close();
    await db.delete();
  }
}
