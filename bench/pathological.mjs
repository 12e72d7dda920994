// The texts that once made long tasks (issue 13, item 6), imported through the app's Data screen
// and shown in review, and a 20,000-card deck imported and its role page opened: the longest main
// thread task meanwhile. Run by `npm run bench`, or alone against a build:
//   node bench/pathological.mjs <built app dir> [name,name…]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs';
import { serve } from './server.mjs';

const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const formula = (i) => `$\\frac{\\sum_{k=1}^{${i + 2}} x_k^2}{\\sqrt{\\alpha_{${i}} + \\beta^{2}}}$`;
const matrix = (rows, cols, cell = (r, c) => `a_{${r}${c}}`) =>
  `$$\n\\begin{pmatrix}\n${repeat(rows, (r) => repeat(cols, (c) => cell(r, c)).join(' & ')).join(' \\\\\n')}\n\\end{pmatrix}\n$$`;
const prose = (i) =>
  `Paragraph ${i}: **attention** scales as *n squared*, so \`kv-cache\` reuse and [batching](https://example.com) matter; ` +
  'throughput rises until memory bandwidth, not compute, is the limit.';

/** Texts the import refuses (each once took a task of 0.8–3.4 s), and the worst it accepts. */
export const TEXTS = {
  refused: {
    emphasis9999: '*_'.repeat(9_999),
    matrix4000: matrix(40, 100, (r, c) => (r + c) % 10),
    formulas600: repeat(20, (p) => repeat(30, (i) => `$x_{${(p + i) % 10}}$`).join(' ')).join('\n\n'),
    quotes3000: '> '.repeat(3_000) + 'deep',
    mathChars1800InOneParagraph: repeat(30, formula).join(' '),
  },
  accepted: {
    emphasis1000: repeat(250, (i) => `**b${i}**`).join(' '),
    // At the math limit (1,000 characters of math a paragraph): a 15x15 matrix, 30 formulas.
    matrix225: matrix(15, 15, (r, c) => (r + c) % 10),
    formulas30InOneParagraph: repeat(30, (i) => `$\\frac{\\sum_k x_k^2}{\\sqrt{a_${i % 10}}}$`).join(' '),
    formulas200: repeat(8, (p) =>
      repeat(25, (i) => `$\\frac{\\sum_{k=1}^{${(p + i) % 10}} x_k}{\\sqrt{\\beta}}$`).join(' '),
    ).join('\n\n'),
    nesting32: repeat(16, (i) => `${'  '.repeat(i)}- > level ${i}`).join('\n'),
    prose20000: repeat(120, prose).join('\n\n').slice(0, 19_900),
    // A list, a quote or a table is one chunk of text however long: parsed and shown in parts.
    formulas200InOneList: repeat(
      8,
      (p) =>
        `- ${repeat(25, (i) => `$\\frac{\\sum_{k=1}^{${(p + i) % 10}} x_k}{\\sqrt{\\beta}}$`).join(' ')}`,
    ).join('\n\n'),
    tables20000: repeat(5, (t) =>
      [
        '| a | b | c | d |',
        '|---|---|---|---|',
        ...repeat(140, (r) => `| r${r} | **x${t}** | \`c\` | y |`),
      ].join('\n'),
    )
      .join('\n\n')
      .slice(0, 19_900),
    looseList20000: repeat(200, (i) => `- item ${i}: ${prose(i)}`)
      .join('\n\n')
      .slice(0, 19_900),
    quotes30Deep20000: repeat(
      200,
      (i) => `${'> '.repeat(30)}deep **line** ${i} with some words of text in it`,
    )
      .join('\n\n')
      .slice(0, 19_900),
    code20000: `\`\`\`python\n${repeat(
      600,
      (i) => `def f${i}(x):  # c\n    return {"a": [x, (x + ${i})], "s": f"{x}"}`,
    )
      .join('\n')
      .slice(0, 19_800)}\n\`\`\``,
  },
};

const csvField = (text) => `"${text.replaceAll('"', '""')}"`;
export const csv = (rows) =>
  `front,back\n${rows.map(([q, a]) => `${csvField(q)},${csvField(a)}`).join('\n')}\n`;

/** A 20,000-card deck of about 46 MB, as in the issue. */
export function bigDeck() {
  const answer = (i) =>
    repeat(12, (p) => prose(i * 12 + p))
      .join('\n\n')
      .slice(0, 2_300);
  return csv(repeat(20_000, (i) => [`Big deck question ${i}: why does batching help?`, answer(i)]));
}

/** Longest task (ms) among those that started at or after `from` (performance.now() of the page). */
const longestSince = (page, from) =>
  page.evaluate((t) => Math.max(0, ...window.__longtasks.filter(([s]) => s >= t).map(([, d]) => d)), from);
const pageNow = (page) => page.evaluate(() => performance.now());

const LONGTASKS = `window.__longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });`;

/** Client-side navigation, as a link does: the page (and the renderer it has loaded) stays. */
const navigate = (page, path) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

/** Chooses `file` in the Data screen's deck import; resolves with the preview shown, or the refusal. */
async function chooseDeck(page, file) {
  const from = await pageNow(page);
  await navigate(page, '/data');
  const area = page.locator('section', { has: page.locator('#data-import') });
  await area.locator('input[type=file]').setInputFiles(file);
  const outcome = area.locator('[data-testid=import-preview], .data-problems, [role=alert]').first();
  await outcome.waitFor({ timeout: 300_000 });
  const accepted = (await area.getByTestId('import-preview').count()) > 0;
  return { area, from, accepted };
}

async function importDeck(page, area) {
  await area.locator('[data-testid=import-preview] button.primary').click();
  await area.locator('[role=status] a').waitFor({ timeout: 300_000 });
}

/** Waits until the element's HTML has not changed for `quietMs` (every chunk rendered). */
const settled = (locator, quietMs = 400) =>
  locator.evaluate(
    (el, quiet) =>
      new Promise((done) => {
        let last = el.innerHTML;
        let since = performance.now();
        const poll = () => {
          if (el.innerHTML !== last) [last, since] = [el.innerHTML, performance.now()];
          if (performance.now() - since >= quiet && !el.querySelector('.md-fallback')) done(null);
          else setTimeout(poll, 50);
        };
        poll();
      }),
    quietMs,
  );

/** Checks, imports and shows one text; the longest task of each step (checking, importing, showing). */
async function checkImportShow(page, file, name) {
  const { area, from, accepted } = await chooseDeck(page, file);
  const steps = { check: await longestSince(page, from) };
  if (accepted) {
    const importing = await pageNow(page);
    await importDeck(page, area);
    steps.import = await longestSince(page, importing);
    const showing = await pageNow(page);
    await navigate(page, `/review/user-patho-${name.toLowerCase()}`);
    await page.locator(`article.card[data-card-id^="user-patho-${name.toLowerCase()}."]`).waitFor();
    await page.keyboard.press('Space');
    await settled(page.locator('.card-answer'));
    steps.show = await longestSince(page, showing);
  }
  return { accepted, steps };
}

/**
 * Runs `work` under a Chromium trace and returns the longest task of the page's main thread, both
 * as wall time (what a long task is) and as the CPU time the thread spent in it: on a loaded
 * machine the thread waits for a core inside a task, and only the CPU time is the task's own.
 */
async function traced(page, work) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    categories: '__metadata,toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await work();
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const longest = tasks.reduce((a, b) => ((b.tdur ?? 0) > (a?.tdur ?? 0) ? b : a), null);
  // What the longest (CPU) task spent its time on: layout, style, script… (nested events overlap).
  const inside = {};
  for (const e of events)
    if (longest && e.ph === 'X' && e !== longest && e.tid === longest.tid && e.pid === longest.pid)
      if (e.ts >= longest.ts && e.ts < longest.ts + longest.dur)
        inside[e.name] = (inside[e.name] ?? 0) + Math.round((e.tdur ?? e.dur ?? 0) / 1000);
  return {
    wallMs: Math.round(Math.max(0, ...tasks.map((e) => e.dur ?? 0)) / 1000),
    cpuMs: Math.round(Math.max(0, ...tasks.map((e) => e.tdur ?? 0)) / 1000),
    longestCpuTask: Object.fromEntries(Object.entries(inside).filter(([, ms]) => ms >= 2)),
  };
}

/** `only`: names of texts (and `largeDeck`) to measure, for a look at one case; all by default. */
export async function pathologicalProbe(context, base, only = null) {
  await context.addInitScript({ content: LONGTASKS });
  const dir = mkdtempSync(join(tmpdir(), 'recall-patho-'));
  const texts = {};
  const page = await context.newPage();
  try {
    // One document throughout, its Markdown renderer loaded by a bundled card first: what is
    // measured is each text's work, not the loading of the app's code.
    await page.goto(`${base}/review`);
    await settled(page.locator('.card-question'));
    for (const [kind, list] of Object.entries(TEXTS))
      for (const [name, text] of Object.entries(list)) {
        if (only && !only.includes(name)) continue;
        const file = join(dir, `patho-${name.toLowerCase()}.csv`);
        writeFileSync(file, csv([[`Pathological ${name}`, text]]));
        let outcome;
        const trace = await traced(page, async () => {
          outcome = await checkImportShow(page, file, name);
        });
        const { accepted, steps } = outcome;
        const longest = Math.max(...Object.values(steps));
        const rounded = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(v)]));
        texts[name] = {
          expected: kind,
          accepted,
          longestTaskMs: Math.round(longest),
          steps: rounded,
          tracedLongestTask: trace,
        };
      }

    if (only && !only.includes('largeDeck')) return { metrics: {}, env: { texts } };
    const big = join(dir, 'big-deck.csv');
    const bigText = bigDeck();
    writeFileSync(big, bigText);
    let chosen;
    const importTrace = await traced(page, async () => {
      chosen = await chooseDeck(page, big);
      if (!chosen.accepted) throw new Error('the 20,000-card deck was refused');
      await importDeck(page, chosen.area);
    });
    const importLongest = await longestSince(page, chosen.from);
    const opened = await pageNow(page);
    let openMs = 0;
    const roleTrace = await traced(page, async () => {
      await chosen.area.locator('[role=status] a').click();
      await page.getByRole('heading', { name: 'Cards by state' }).waitFor({ timeout: 120_000 });
      openMs = (await pageNow(page)) - opened;
      await page.waitForTimeout(500);
    });
    const roleLongest = await longestSince(page, opened);
    const traces = [...Object.values(texts).map((t) => t.tracedLongestTask), importTrace, roleTrace];
    const all = [...Object.values(texts).map((t) => t.longestTaskMs), importLongest, roleLongest];
    return {
      metrics: {
        pathological_longest_task_ms: Math.max(...all),
        pathological_longest_task_cpu_ms: Math.max(...traces.map((t) => t.cpuMs)),
        large_deck_role_page_ms: openMs,
      },
      env: {
        texts,
        largeDeck: {
          megabytes: Math.round(Buffer.byteLength(bigText) / 1e5) / 10,
          importLongestTaskMs: Math.round(importLongest),
          rolePageLongestTaskMs: Math.round(roleLongest),
          importTrace,
          roleTrace,
        },
      },
    };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const server = await serve(dist, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const only = process.argv[3]?.split(',') ?? null;
    console.log(JSON.stringify(await pathologicalProbe(context, server.url, only), null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
