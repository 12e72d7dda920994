import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS, bigDeck, csv } from '../../bench/pathological.mjs';
import { baseUrl, launch, openApp, reviewByKeyboard } from './browser';

// Behaviour only: how long each task takes is the bench's `pathological_longest_task_ms`.
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'e2e-slow-texts-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function choose(page: Page, name: string, content: string) {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, content);
  await page.goto(baseUrl() + '/data');
  const area = page.locator('section', { has: page.getByRole('heading', { name: 'Import a deck' }) });
  await area.getByLabel('Choose a deck file (.json, .csv, .tsv, .txt)').setInputFiles(file);
  return area;
}

const scriptsLoaded = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));

/** What shows each accepted text was rendered as Markdown, not left as plain text. */
const rendered: Record<keyof typeof TEXTS.accepted, string> = {
  emphasis1000: 'strong',
  matrix225: '.katex-display',
  formulas30InOneParagraph: '.katex',
  formulas200: '.katex',
  nesting32: 'ul blockquote',
  prose20000: 'code',
  formulas200InOneList: 'li .katex',
  tables20000: 'table strong',
  looseList20000: 'li a',
  quotes30Deep20000: 'blockquote strong',
  code20000: 'code .hljs-keyword',
};

describe('texts that once took seconds to render', () => {
  it('refuses those over the Markdown limits at import, naming the limit', async () => {
    const { page, context, errors } = await openApp(browser, '/data');
    for (const [name, text] of Object.entries(TEXTS.refused)) {
      const area = await choose(page, name, csv([[`Q ${name}`, text]]));
      await expect
        .poll(() => area.getByRole('alert').innerText())
        .toMatch(/(Nests|Has) .+; at most [\d,]+ (is|are) allowed\./);
      expect(await area.getByRole('button', { name: 'Import' }).count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('imports the worst texts the limits allow, renders each in review and rates it (Easy: the role is done)', async () => {
    const { page, context, errors } = await openApp(browser, '/data');
    for (const [name, text] of Object.entries(TEXTS.accepted) as [keyof typeof rendered, string][]) {
      const area = await choose(page, name, csv([[`Q ${name}`, text]]));
      await area.getByRole('button', { name: 'Import' }).click();
      await area.getByRole('link', { name: 'Open the deck' }).waitFor();
      await page.goto(`${baseUrl()}/review/user-${name.toLowerCase()}`);
      await page.getByText(`Q ${name}`).waitFor();
      await reviewByKeyboard(page, '4', async () => {
        await page.locator(`.card-answer ${rendered[name]}`).first().waitFor();
        expect(await page.locator('.card-answer .md-plain').count()).toBe(0);
      });
      // A table cannot be split into chunks: its 19,000 characters are parsed in the worker.
      if (name === 'tables20000')
        expect(await scriptsLoaded(page)).toContainEqual(expect.stringContaining('markdown.worker'));
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('imports a 46 MB, 20,000-card deck and opens its role page with the cards by state a page at a time', async () => {
    const { page, context, errors } = await openApp(browser, '/data');
    const area = await choose(page, 'big-deck', bigDeck());
    await expect
      .poll(() => area.getByTestId('import-preview').innerText(), { timeout: 240_000 })
      .toContain('Cards: 20,000.');
    await area.getByRole('button', { name: 'Import' }).click();
    await area.getByRole('link', { name: 'Open the deck' }).click({ timeout: 240_000 });
    const byState = page.locator('section', { has: page.getByRole('heading', { name: 'Cards by state' }) });
    await byState.getByText('New (20,000)').click();
    await byState.getByRole('link', { name: /^Big deck question 0:/ }).waitFor();
    expect(await byState.getByRole('row').count()).toBe(51);
    await byState.getByRole('link', { name: 'All 20,000 in the card browser' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?role=user-big-deck&state=new');
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
