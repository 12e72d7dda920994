import { readFileSync, writeFileSync } from 'node:fs';

export const median = (xs) => percentile(xs, 50);

/** Linear-interpolated percentile of a sample. */
export function percentile(xs, p) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = ((s.length - 1) * p) / 100;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}

/** Every metric the issue names, in the order the table shows them. */
export const METRICS = [
  'import_cards_per_s',
  'raw_bulkput_cards_per_s',
  'daily_queue_ms',
  'role_queue_ms',
  'review_p50_ms',
  'review_p95_ms',
  'raw_review_txn_ms',
  'stats_role_ms',
  'stats_all_ms',
  'main_thread_longest_task_ms',
  'export_csv_ms',
  'export_peak_heap_mb',
  'optimize_ms',
  'optimize_train_ms',
  'optimize_all_ms',
  'optimize_longest_task_ms',
  'pathological_longest_task_ms',
  'large_deck_role_page_ms',
  'sync_initial_ms',
  'sync_history_written_ms',
  'sync_incremental_ms',
  'review_p95_during_sync_ms',
  'cold_start_to_first_card_ms',
  'bundle_initial_js_gz_kb',
  'bundle_total_js_gz_kb',
  'lighthouse_performance',
  'lighthouse_accessibility',
  'lighthouse_best_practices',
];

// Shown to a tenth from 100 up: a whole number there hid e.g. 130.4 KB against a 130 KB budget.
const round = (x) =>
  Math.abs(x) >= 10_000
    ? Math.round(x)
    : Math.abs(x) >= 100
      ? Math.round(x * 10) / 10
      : Math.round(x * 100) / 100;

/**
 * Checks each budget (`max`, `min`, or `minRatio` of another metric) against the measured values
 * as they are, not as rounded for display.
 */
export function checkBudgets(budgets, metrics) {
  const out = {};
  for (const [name, b] of Object.entries(budgets)) {
    const measured = metrics[name];
    const value = measured === undefined ? undefined : round(measured);
    let target;
    let met;
    if (b.minRatio !== undefined) {
      const other = metrics[b.of];
      target = other === undefined ? undefined : b.minRatio * other;
      target = target === undefined ? undefined : round(target);
      met = measured !== undefined && target !== undefined ? measured >= b.minRatio * other : undefined;
      out[name] = { rule: `>= ${b.minRatio} x ${b.of}`, target, value, met };
    } else if (b.max !== undefined) {
      met = measured === undefined ? undefined : measured <= b.max;
      out[name] = { rule: `<= ${b.max}`, target: b.max, value, met };
    } else {
      met = measured === undefined ? undefined : measured >= b.min;
      out[name] = { rule: `>= ${b.min}`, target: b.min, value, met };
    }
  }
  return out;
}

export function printTable(size, metrics, missing, checks) {
  const rows = [...METRICS, ...Object.keys(metrics).filter((m) => !METRICS.includes(m))].map((name) => {
    const value = metrics[name];
    const check = checks[name];
    const status =
      value === undefined
        ? 'missing'
        : !check
          ? ''
          : check.met
            ? 'met'
            : `MISSED (${check.rule}${check.target !== undefined && check.rule.includes('x') ? ` = ${check.target}` : ''})`;
    return [name, value === undefined ? '—' : String(round(value)), check?.rule ?? '', status];
  });
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  const line = (r) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\nInterview Recall bench — size ${size}\n`);
  console.log(line(['metric', 'value', 'budget', 'status']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  const missed = Object.entries(checks).filter(([, c]) => c.met === false);
  const met = Object.entries(checks).filter(([, c]) => c.met === true);
  console.log(
    `\nbudgets: ${met.length} met, ${missed.length} missed, ${Object.keys(missing).length} metrics missing`,
  );
  for (const [name, why] of Object.entries(missing)) console.log(`  missing ${name}: ${why}`);
}

export function writeResults(path, result) {
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
}

export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

export const roundAll = (metrics) =>
  Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, round(v)]));
