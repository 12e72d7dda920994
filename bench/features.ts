import type { AppDb } from '../src/storage/db';

/**
 * Metrics of features that may land after the bench: export (and later ones). A probe finds its
 * feature's module with import.meta.glob, so a missing or renamed module makes the metric missing
 * (with the reason) instead of breaking the bench build. Adding a metric is one more probe.
 */
export interface FeatureMetrics {
  metrics: Record<string, number>;
  missing: Record<string, string>;
}

type Probe = (db: AppDb, now: number, capMs: number) => Promise<Record<string, number> | string>;

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

const probes: { names: string[]; probe: Probe }[] = [
  { names: ['export_csv_ms', 'export_peak_heap_mb'], probe: exportCsv },
];

export async function optionalFeatures(db: AppDb, now: number, capMs: number): Promise<FeatureMetrics> {
  const out: FeatureMetrics = { metrics: {}, missing: {} };
  for (const { names, probe } of probes) {
    let result: Record<string, number> | string;
    try {
      result = await probe(db, now, capMs);
    } catch (error) {
      result = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (typeof result === 'string') for (const name of names) out.missing[name] = result;
    else Object.assign(out.metrics, result);
  }
  return out;
}
