import { median, percentile } from './report.mjs';
import { openHarness } from './storagePhase.mjs';
import { coldStarts, installProbe, reviewLoop, statsLoads, warmUp } from './ui.mjs';

/** The budgets that must also hold with the CPU slowed down (`--cpu-throttle N`). */
export const THROTTLED_BUDGETS = ['review_p95_ms', 'daily_queue_ms', 'main_thread_longest_task_ms'];

/** Slows the page's main thread `rate` times, as Lighthouse's mobile preset does (4×). */
export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Today's queues in the harness page, slowed `rate` times. */
async function throttledQueues(context, url, rate) {
  const { page, call } = await openHarness(context, url);
  await throttle(context, page, rate);
  const q = await call('queues', 15, Date.now());
  await page.close();
  return {
    daily_queue_ms: median(q.daily),
    role_queue_ms: median(q.role),
    daily_session_start_ms: median(q.session),
  };
}

/** The context as ui.mjs uses it, every page it opens throttled before its first navigation. */
export const throttledContext = (context, rate) => ({
  addInitScript: (script) => context.addInitScript(script),
  async newPage() {
    const page = await context.newPage();
    await throttle(context, page, rate);
    return page;
  },
});

/**
 * The queues, cold starts, reviews and statistics again, every page throttled `rate` times, in a
 * browser of their own (`context`) on a fresh copy of the collection: the normal run's reviews
 * took cards out of today's queue.
 */
export async function throttledRun(context, { url, rate, reviews, statsRuns, dist, step }) {
  step(`throttled ${rate}x: queues`);
  const metrics = await throttledQueues(context, url, rate);
  const env = {};
  // Unthrottled and untimed, as in the normal run: the service worker's install.
  await installProbe(context);
  await warmUp(context, url);
  const slow = throttledContext(context, rate);

  step(`throttled ${rate}x: cold starts of /review`);
  const cold = await coldStarts(slow, url, dist, 5);
  metrics.cold_start_to_first_card_ms = median(cold.starts);
  env.coldStartsMs = cold.starts.map(Math.round);

  step(`throttled ${rate}x: ${reviews} reviews`);
  const loop = await reviewLoop(slow, url, reviews);
  metrics.review_p50_ms = percentile(loop.reviews, 50);
  metrics.review_p95_ms = percentile(loop.reviews, 95);
  metrics.review_dom_p95_ms = percentile(loop.dom, 95);
  env.reviews = { measured: loop.reviews.length, timedOut: loop.failed, maxMs: Math.max(...loop.reviews) };

  step(`throttled ${rate}x: statistics`);
  const stats = await statsLoads(slow, url, 'synthetic-01', statsRuns);
  if (!stats.missing) {
    metrics.stats_all_ms = median(stats.times.all);
    metrics.stats_role_ms = median(stats.times.role);
    metrics.stats_all_first_ms = stats.times.all[0];
    env.stats = { allMs: stats.times.all.map(Math.round), roleMs: stats.times.role.map(Math.round) };
  }
  const longtasks = [...loop.longtasks, ...(stats.longtasks ?? [])];
  metrics.main_thread_longest_task_ms = Math.max(0, ...longtasks.map(([, d]) => d));
  env.longTasksMs = longtasks.filter(([, d]) => d > 50).map(([, d]) => Math.round(d));
  return { metrics, env };
}

/** The throttled figures, each beside its budget where one must hold throttled. */
export function printThrottled({ rate, metrics, budgets }) {
  console.log(`\nCPU throttled ${rate}x\n`);
  for (const [name, value] of Object.entries(metrics)) {
    const check = budgets[name];
    const status = !check ? '' : check.met ? 'met' : `MISSED (${check.rule})`;
    console.log(
      `${name.padEnd(28)}  ${String(value).padStart(8)}  ${(check?.rule ?? '').padEnd(8)}  ${status}`,
    );
  }
}
