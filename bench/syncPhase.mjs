import { loadavg } from 'node:os';
import { startCouchTestServer } from '../scripts/couch-test-server.mjs';
import { percentile } from './report.mjs';
import { openHarness } from './storagePhase.mjs';
import { reviewLoop, warmUp } from './ui.mjs';

const STATUS_CHANNEL = 'interview-recall:sync-status';

/** Every status the sync worker announces, recorded in `page` with its time (epoch ms). */
export async function watchSync(page) {
  await page.evaluate((channel) => {
    const log = [];
    window.__syncLog = log;
    new BroadcastChannel(channel).onmessage = ({ data }) =>
      log.push({
        at: performance.timeOrigin + performance.now(),
        running: data.running,
        failure: data.lastFailure,
        progress: data.progress,
        pending: data.pending,
        storing: data.storing ?? null,
      });
  }, STATUS_CHANNEL);
}

/**
 * Runs `start` (a click) and waits for the sync it starts to finish: from the click to the worker's
 * first "not running" after a "running", as announced to every tab. Returns its time, the reviews
 * it sent and received, and its failure if any.
 */
export async function timedSync(page, start, timeoutMs, what = 'the sync') {
  const from = await page.evaluate(() => {
    window.__syncMark = window.__syncLog.length;
    return performance.timeOrigin + performance.now();
  });
  await start();
  const ended = page.waitForFunction(
    () => {
      const log = window.__syncLog.slice(window.__syncMark);
      const began = log.findIndex((s) => s.running);
      if (began < 0) return null;
      const during = log.slice(began);
      const done = during.findIndex((s) => !s.running);
      if (done < 0) return null;
      const last = during
        .slice(0, done)
        .reverse()
        .find((s) => s.progress) ?? { progress: null };
      return { ...during[done], progress: last.progress, began: log[began].at };
    },
    null,
    { timeout: timeoutMs, polling: 100 },
  );
  const end = await ended.catch((error) => {
    throw new Error(`${what} had not ended after ${Math.round(timeoutMs / 1000)} s`, { cause: error });
  });
  const status = await end.jsonValue();
  return {
    ms: status.at - from,
    from,
    to: status.at,
    pushed: status.progress?.pushed ?? 0,
    pulled: status.progress?.pulled ?? 0,
    failure: status.failure,
    pending: status.pending,
  };
}

/**
 * The bench harness in a new tab of a profile where the app's service worker is installed: that
 * worker would answer the harness's address with the app, so this tab's requests bypass it.
 */
async function harnessBesideApp(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  page.on('pageerror', (e) => console.error('harness error:', e));
  await page.goto(`${url}/__bench/harness.html`);
  await page.waitForSelector('body[data-ready]');
  return { page, call: (name, ...args) => page.evaluate(([fn, a]) => window.bench[fn](...a), [name, args]) };
}

/** Settings › Sync on a device: the server's database, its user and password, _Turn sync on_. */
export async function openSyncSection(context, url) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('sync page error:', String(e)));
  await page.goto(`${url}/settings`);
  await page.locator('section.sync').getByLabel('Database URL').waitFor({ timeout: 60_000 });
  await watchSync(page);
  return page;
}

export async function turnSyncOn(page, couch, database) {
  const section = page.locator('section.sync');
  await section.getByLabel('Database URL').fill(`${couch.url}/${database}`);
  await section.getByLabel('User name').fill(couch.user);
  await section.getByLabel('Password').fill(couch.password);
  await section.getByRole('button', { name: 'Turn sync on' }).click();
}

async function syncNow(page) {
  const section = page.locator('section.sync');
  await section.locator('[data-sync-state="idle"]').waitFor({ timeout: 120_000 });
  await section.getByRole('button', { name: 'Sync now' }).click();
}

/** Waits until the device has sent every review made on it and no sync runs. */
async function upToDate(page) {
  const idle = page.locator('section.sync [data-sync-state="idle"]', {
    hasText: 'Every review made here is on the server',
  });
  try {
    await idle.waitFor({ timeout: 180_000 });
  } catch (error) {
    const shown = await page
      .locator('section.sync')
      .innerText()
      .catch(() => '?');
    throw new Error(`the device never got up to date; its Sync section says: ${shown}`, { cause: error });
  }
}

/**
 * When the device finished writing a large pull's reviews into its history: the status that
 * clears `storing` after one that had it (the worker announces both), or else the moment a count
 * of its history (every 30 s: a count of a million rows slows that writing) reaches `expected`.
 */
async function historyWritten(page, expected) {
  const deadline = Date.now() + 1_800_000;
  for (let tick = 1; ; tick++) {
    const ended = await page.evaluate(() => {
      const log = window.__syncLog;
      const began = log.findIndex((s) => s.storing);
      const done = began < 0 ? -1 : log.findIndex((s, i) => i > began && !s.storing);
      return done < 0 ? null : log[done].at;
    });
    if (ended !== null) return ended;
    if (tick % 30 === 0 && (await countLogs(page)) >= expected)
      return page.evaluate(() => performance.timeOrigin + performance.now());
    if (Date.now() > deadline) throw new Error(`the device's history was still being written after 30 min`);
    await new Promise((wait) => setTimeout(wait, 1000));
  }
}

const countLogs = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('interview-recall');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('logs').objectStore('logs').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
  );

/**
 * Sync between two devices through a CouchDB-protocol server started here (express-pouchdb over
 * in-memory PouchDB, in this process; stopped at the end):
 *
 * 1. Device A (`contextA`: the collection) turns sync on and pushes its whole history, while the
 *    review screen is used in another tab: `review_p95_during_sync_ms` takes the reviews whose
 *    rating key fell inside that sync (`sync_push_initial_ms`). With `baseline`, the same review
 *    loop runs just before, without sync (`review_p95_before_sync_ms`). Each first sync may take
 *    up to `capMs`; past it the phase stops and its metrics are missing.
 * 2. Device B (a fresh profile from `launchFresh`, with the same decks and settings and no review)
 *    turns sync on and pulls it all: `sync_initial_ms`. A large pull's reviews then go into B's
 *    review history in the background: `sync_history_written_ms`, from the pull's end.
 * 3. A day's reviews (`dayReviews`) on A, then _Sync now_ on A (pushed) and on B (pulled):
 *    `sync_incremental_ms` is the two syncs together.
 *
 * Both devices drive the app's own Settings › Sync and its sync worker; each time is from the
 * click to the worker announcing the end of that sync.
 */
export async function syncPhase({
  contextA,
  launchFresh,
  url,
  config,
  step,
  reviews,
  dayReviews = 200,
  baseline = false,
  capMs = 2_400_000,
  // The sync server's port (0: any free one); a proxied run must know it before the browser starts.
  couchPort = 0,
}) {
  const metrics = {};
  const env = { loadAvg1mAtStart: loadavg()[0] };
  const couch = await startCouchTestServer({ port: couchPort });
  const database = `bench-${Date.now()}`;
  let contextB;
  try {
    const pageA = await openSyncSection(contextA, url);
    const logsA = await countLogs(pageA);
    if (baseline) {
      // The same review loop just before, without sync (run.mjs has review_p95_ms for that).
      step(`sync: ${reviews} reviews on A before sync is turned on`);
      const before = await reviewLoop(contextA, url, reviews);
      metrics.review_p95_before_sync_ms = percentile(before.reviews, 95);
      env.reviewsBeforeSync = { measured: before.reviews.length, p50Ms: percentile(before.reviews, 50) };
    }
    step(`sync: device A turns sync on and pushes ${logsA} reviews, reviewing meanwhile`);
    const pushing = timedSync(
      pageA,
      () => turnSyncOn(pageA, couch, database),
      capMs,
      "device A's first sync",
    );
    const loop = reviewLoop(contextA, url, reviews);
    const [push, reviewed] = await Promise.all([pushing, loop]);
    if (push.failure) throw new Error(`device A's first sync failed: ${push.failure}`);
    metrics.sync_push_initial_ms = push.ms;
    step(`sync: A pushed ${push.pushed} reviews in ${Math.round(push.ms)} ms`);
    const during = reviewed.reviews.filter((_, i) => {
      const at = reviewed.timeOrigin + reviewed.keys[i];
      return at >= push.from && at <= push.to;
    });
    metrics.review_p95_during_sync_ms = percentile(during, 95);
    env.push = { ...push, logs: logsA };
    env.reviewsDuringSync = {
      measured: during.length,
      of: reviewed.reviews.length,
      timedOut: reviewed.failed,
      p50Ms: percentile(during, 50),
      maxMs: Math.max(...during),
      longTasksOver50Ms: reviewed.longtasks.filter(([, d]) => d > 50).map(([, d]) => Math.round(d)),
    };

    step('sync: device B (same decks, no reviews) is prepared');
    contextB = await launchFresh();
    const harness = await openHarness(contextB, url, { newPage: true });
    await harness.call('generate', config);
    await harness.call('importDecks', 'interview-recall');
    env.secondDevice = await harness.call('prepareSecondDevice');
    await harness.page.close();
    await warmUp(contextB, url);
    const pageB = await openSyncSection(contextB, url);
    // A's sync of the reviews made during its first one (15 s after the last) has run by now.
    await upToDate(pageA);
    const logsOnServer = await countLogs(pageA);
    step(`sync: device B turns sync on and pulls ${logsOnServer} reviews`);
    const pull = await timedSync(
      pageB,
      () => turnSyncOn(pageB, couch, database),
      capMs,
      "device B's first sync",
    );
    if (pull.failure) throw new Error(`device B's first sync failed: ${pull.failure}`);
    metrics.sync_initial_ms = pull.ms;
    step(`sync: B pulled ${pull.pulled} reviews in ${Math.round(pull.ms)} ms`);
    env.pull = { ...pull, logsAfter: await countLogs(pageB), expected: logsOnServer };
    env.couchRssMb = Math.round(process.memoryUsage().rss / 1e6);
    // A large pull's reviews are written into B's history in the background after it: a one-time
    // job of minutes on B. The day's sync below is a later day's, so it waits for that job here
    // (on one machine, B's writing would otherwise take A's CPU too).
    step('sync: B writes the pulled reviews into its history in the background');
    metrics.sync_history_written_ms = (await historyWritten(pageB, logsOnServer)) - pull.to;
    step(`sync: B's history complete ${Math.round(metrics.sync_history_written_ms)} ms after its pull`);

    step(`sync: ${dayReviews} reviews on A, then Sync now on A and on B`);
    const harnessA = await harnessBesideApp(contextA, url);
    env.day = await harnessA.call('reviewDay', dayReviews, Date.now());
    await harnessA.page.close();
    const dayPush = await timedSync(pageA, () => syncNow(pageA), 120_000);
    const dayPull = await timedSync(pageB, () => syncNow(pageB), 120_000);
    if (dayPush.failure || dayPull.failure)
      throw new Error(`incremental sync failed: ${dayPush.failure ?? dayPull.failure}`);
    metrics.sync_incremental_ms = dayPush.ms + dayPull.ms;
    metrics.sync_incremental_push_ms = dayPush.ms;
    metrics.sync_incremental_pull_ms = dayPull.ms;
    env.incremental = { push: dayPush, pull: dayPull };
    env.loadAvg1mAtEnd = loadavg()[0];
    return { metrics, env };
  } finally {
    await contextB?.close();
    await couch.close();
  }
}
