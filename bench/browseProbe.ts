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

/** Where the harness leaves the card it gave 500 reviews, for the app-side card page probe (bench/browseUi.mjs). */
const CARD_PAGE_KEY = 'bench.cardPage';

/**
 * A card with 500 reviews, for the card page probes: the first card of the first synthetic role
 * gets 500 more reviews, a day apart, in the collection itself (the measuring profile is a copy of
 * the cached one, so the cache is not changed). Times the page's data read in one transaction,
 * the history and the recall curve (`card_page_data_ms`); the page as a user sees it, rendered,
 * is timed in the app (`card_page_ms`, bench/browseUi.mjs).
 */
export async function cardPage(db: AppDb, now: number): Promise<Record<string, number> | string> {
  const [loadPage, loadHistory] = [Object.values(cardPages)[0], Object.values(histories)[0]];
  if (!loadPage || !loadHistory) return 'the card page does not exist yet (src/storage/cardPage.ts)';
  const { loadCardPage } = (await loadPage()) as typeof CardPageModule;
  const { cardHistory, recallCurve } = (await loadHistory()) as typeof HistoryModule;
  const card = await db.cards.toCollection().first();
  if (!card) return 'the collection has no cards';
  const DAY = 86_400_000;
  const first = now - 501 * DAY;
  await db.logs.bulkAdd(
    Array.from({ length: 500 }, (_, i) => ({
      id: `bench-card-page-${i}`,
      cardId: card.id,
      deckId: card.deckId,
      rating: (i % 7 === 3 ? 1 : 3) as 1 | 3,
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
  localStorage.setItem(CARD_PAGE_KEY, card.id);
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const page = await loadCardPage(db, card.id);
    if (page) recallCurve(cardHistory(page.logs, page.state), now);
    times.push(performance.now() - t0);
  }
  return { card_page_data_ms: [...times].sort((a, b) => a - b)[3]! };
}
