// `node bench/browseRun.mjs [--cards N] [--decks N] [--seed N]`
// The card browser's measurements alone, without the full bench's history, export, optimizer and
// Lighthouse: N synthetic cards synced into a fresh profile, then the search engine (search_ms,
// index build and size), the card page's data read and, in the app, the longest main-thread task
// while typing and scrolling (browse_longest_task_ms) and the rendered card page (card_page_ms).
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, ensureChromium } from '../scripts/ensure-chromium.mjs';
import { browseUi, cardPageUi } from './browseUi.mjs';
import { checkBudgets, readJson, roundAll } from './report.mjs';
import { serve } from './server.mjs';
import { openHarness } from './storagePhase.mjs';
import { installProbe, warmUp } from './ui.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values: opts } = parseArgs({
  options: {
    cards: { type: 'string', default: '100000' },
    decks: { type: 'string', default: '12' },
    seed: { type: 'string', default: '20240601' },
  },
});
const config = { seed: Number(opts.seed), decks: Number(opts.decks), cards: Number(opts.cards), logs: 0 };
const work = mkdtempSync(join(tmpdir(), 'recall-browse-'));
const dist = join(work, 'dist');
const t0 = Date.now();
const step = (what) => console.log(`[browse ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${what}`);
const env = { loadAvg1mAtStart: loadavg()[0] };

ensureChromium();
step('building the app and the harness');
const quiet = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
execSync('npx vite build --logLevel warn', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...quiet, BUILD_OUT_DIR: dist },
});
execSync('npx vite build --config bench/harness.config.ts', {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...quiet, BENCH_HARNESS_OUT: join(dist, '__bench') },
});
const server = await serve(dist, 0);
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: CHROMIUM,
  args: ARGS,
  headless: true,
  viewport: { width: 390, height: 844 },
  locale: 'en-US',
});
try {
  const { page, call } = await openHarness(context, server.url);
  step(`generating and syncing ${config.cards} cards`);
  await call('generate', config);
  await call('importDecks', 'interview-recall');
  step('search engine and card page data');
  const metrics = await call('browseProbes', Date.now());
  await page.close();
  step('app: card browser (typing, scrolling), card page');
  await installProbe(context);
  await warmUp(context, server.url);
  const browse = await browseUi(context, server.url);
  if (browse.missing) metrics.browse = browse.missing;
  else {
    metrics.browse_longest_task_ms = browse.longest;
    metrics.browse_first_open_ms = browse.firstOpenMs;
    env.browse = browse;
  }
  const cardView = await cardPageUi(context, server.url, 5);
  if (cardView.missing) metrics.cardView = cardView.missing;
  else {
    metrics.card_page_ms = cardView.ms;
    env.cardPageMs = cardView.times.map(Math.round);
  }
  env.loadAvg1mAtEnd = loadavg()[0];
  const rounded = roundAll(metrics);
  console.log(JSON.stringify({ metrics: rounded, env }, null, 2));
  const budgets = checkBudgets(readJson(join(ROOT, 'bench/budgets.json')), metrics);
  console.log(JSON.stringify(budgets, null, 2));
} finally {
  await context.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
