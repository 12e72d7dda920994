import type { AppDb } from '../src/storage/db';
import { browseSearch, cardPage } from './browseProbe';

/**
 * Metrics of features that may land after the bench: export, the optimizer (and later ones). A probe finds its
 * feature's module with import.meta.glob, so a missing or renamed module makes the metric missing
 * (with the reason) instead of breaking the bench build. Adding a metric is one more probe.
 */
export interface FeatureMetrics {
  metrics: Record<string, number>;
  missing: Record<string, string>;
}

/** Its metrics (a reason instead of a number: that metric is missing), or why none could be measured. */
type Probe = (db: AppDb, now: number, capMs: number) => Promise<Record<string, number | string> | string>;

const jobs = import.meta.glob('../src/features/data/worker/jobs.ts');

type OnProgress = (done: number, total: number) => void;

interface ExportJobs {
  handleJob?: (
    job: unknown,
    db: AppDb,
    onProgress: OnProgress,
    signal?: AbortSignal,
  ) => Promise<{ blob?: Blob; count?: number }>;
}

/**
 * The app's export job (as its data worker runs it) over the whole history, as CSV. Once it has
 * run `capMs` and written some rows, it is cancelled through its AbortSignal and the time is
 * extrapolated from its progress (`export_csv_extrapolated` = 1), so a slow export cannot stall the
 * bench for minutes: the time to the first progress report is kept, the streaming rate scaled up.
 */
const exportCsv: Probe = async (db, now, capMs) => {
  const load = Object.values(jobs)[0];
  if (!load) return 'export does not exist yet (src/features/data/worker/jobs.ts)';
  const { handleJob } = (await load()) as ExportJobs;
  if (typeof handleJob !== 'function') return 'jobs.ts has no handleJob';
  const query = { deckId: null, range: { from: null, to: null }, format: 'csv' };
  const job = { kind: 'exportHistory', dbName: db.name, query, now };
  const stop = new AbortController();
  const t0 = performance.now();
  let first: number | null = null;
  let progress = { done: 0, total: 0, at: t0 };
  const onProgress = (done: number, total: number) => {
    const at = performance.now();
    first ??= at;
    progress = { done, total, at };
    if (capMs > 0 && done > 0 && at - t0 > capMs) stop.abort();
  };
  try {
    const result = await handleJob(job, db, onProgress, stop.signal);
    const ms = performance.now() - t0;
    if (!result.blob || !result.count)
      return `export returned no file (${JSON.stringify(result).slice(0, 200)})`;
    return { export_csv_ms: ms, export_csv_rows: result.count, export_csv_mb: result.blob.size / 1e6 };
  } catch (error) {
    if (!stop.signal.aborted || first === null) throw error;
    const streamed = progress.at - first;
    const estimate: Record<string, number> = {
      export_csv_ms: first - t0 + (streamed * progress.total) / progress.done,
      export_csv_extrapolated: 1,
      export_csv_rows_done: progress.done,
      export_csv_rows: progress.total,
    };
    return estimate;
  }
};

const optimizerClients = import.meta.glob('../src/features/optimizer/optimizerClient.ts');

interface OptimizerClient {
  optimize?: (
    request: { dbName: string; deckId: string | null; rolloverHour: number; current: number[] | null },
    onProgress: (done: number, total: number) => void,
  ) => {
    result: Promise<{ fitted: { reviews: number }; timings?: Record<string, number> }>;
    cancel: () => void;
  };
}

/**
 * Training FSRS's parameters as the optimizer screen does (its client and worker: the reviews read
 * in the worker, fsrs-rs in WebAssembly with threads, both parameter sets scored), on one role's
 * reviews and on every role's, with the longest task on this page's main thread meanwhile. The run
 * over every role is cancelled after `capMs` × 5, and then missing.
 */
const optimize: Probe = async (db, _now, capMs) => {
  const load = Object.values(optimizerClients)[0];
  if (!load) return 'the optimizer does not exist yet (src/features/optimizer/optimizerClient.ts)';
  const { optimize: run } = (await load()) as OptimizerClient;
  if (typeof run !== 'function') return 'optimizerClient.ts has no optimize';
  if (!crossOriginIsolated) return 'the page is not cross-origin isolated (COOP/COEP headers missing)';
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const train = async (deckId: string | null, cap: number) => {
    const job = run({ dbName: db.name, deckId, rolloverHour: 4, current: null }, () => undefined);
    const timer = cap > 0 ? setTimeout(job.cancel, cap) : undefined;
    const t0 = performance.now();
    try {
      const { fitted, timings } = await job.result;
      return { ms: performance.now() - t0, reviews: fitted.reviews, timings: timings ?? {} };
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') return null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const role = await train('synthetic-01', 0);
    const all = await train(null, capMs * 5);
    return {
      optimize_ms: role!.ms,
      optimize_reviews: role!.reviews,
      // Where the one role's time went in the worker: reading, waiting for the WebAssembly, training, scoring.
      ...Object.fromEntries(
        Object.entries(role!.timings).map(([k, v]) => [
          `optimize_${k.replace(/Ms$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_ms`,
          v,
        ]),
      ),
      ...(all
        ? { optimize_all_ms: all.ms, optimize_all_reviews: all.reviews }
        : { optimize_all_ms: `cancelled after ${Math.round((capMs * 5) / 1000)} s` }),
      optimize_longest_task_ms: longest,
    };
  } finally {
    observer.disconnect();
  }
};

const probes: { names: string[]; probe: Probe }[] = [
  { names: ['export_csv_ms', 'export_peak_heap_mb'], probe: exportCsv },
  { names: ['optimize_ms', 'optimize_all_ms', 'optimize_longest_task_ms'], probe: optimize },
  { names: ['search_ms', 'search_index_mb'], probe: (db, now) => browseSearch(db, now) },
  { names: ['card_page_data_ms'], probe: (db, now) => cardPage(db, now) },
];

export async function optionalFeatures(db: AppDb, now: number, capMs: number): Promise<FeatureMetrics> {
  const out: FeatureMetrics = { metrics: {}, missing: {} };
  for (const { names, probe } of probes) {
    let result: Record<string, number | string> | string;
    try {
      result = await probe(db, now, capMs);
    } catch (error) {
      result = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (typeof result === 'string') for (const name of names) out.missing[name] = result;
    else
      for (const [name, value] of Object.entries(result))
        if (typeof value === 'string') out.missing[name] = value;
        else out.metrics[name] = value;
  }
  return out;
}
