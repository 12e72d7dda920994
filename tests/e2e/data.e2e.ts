import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openApp, reviewByKeyboard } from './browser';

let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'recall-data-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const summary = (page: Page) => page.locator('.today-summary').innerText();

/** Clicks a button that starts a download and saves the real file the browser received. */
async function downloadBy(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** What a user sees of their progress: Today's counts and the fundamentals cards by state. */
async function progress(page: Page) {
  await page.goto(baseUrl() + '/');
  const today = await summary(page);
  await page.goto(baseUrl() + '/roles/fundamentals');
  await page.locator('.state-group summary').first().waitFor();
  return { today, groups: await page.locator('.state-group summary').allInnerTexts() };
}

describe('own your data', () => {
  it('backs up after reviewing, survives clearing the site data, and restores the same progress', async () => {
    const { page, context, errors } = await openApp(browser);
    await page.getByRole('link', { name: 'Start daily review' }).click();
    await page.locator('.card-question').waitFor();
    for (const key of ['3', '1', '4'] as const) await reviewByKeyboard(page, key);
    const before = await progress(page);
    expect(before.today).not.toBe('10 new · 0 learning · 0 to review');

    await page.getByRole('link', { name: 'Data' }).click();
    const backup = await downloadBy(page, 'Download backup');
    expect(backup.name).toMatch(/^interview-recall-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(backup.text) as { format: string; counts: { logs: number } };
    expect(file).toMatchObject({ format: 'interview-recall-backup', counts: { logs: 3 } });
    await page.getByText('Backup saved to your downloads. Reviews in it: 3.').waitFor();

    const history = await downloadBy(page, 'Export history');
    expect(history.name).toMatch(/^interview-recall-history-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = history.text.trim().split('\n');
    expect(rows[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(rows.slice(1).map((r) => r.split(',').slice(2, 4))).toEqual(
      expect.arrayContaining([
        ['3', '0'],
        ['1', '0'],
        ['4', '0'],
      ]),
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl(), storageTypes: 'all' });
    await page.goto(baseUrl() + '/');
    expect(await summary(page)).toBe('10 new · 0 learning · 0 to review');

    await page.getByRole('link', { name: 'Data' }).click();
    const cut = join(downloads, 'cut.json');
    writeFileSync(cut, backup.text.slice(0, Math.floor(backup.text.length / 2)));
    const chooser = page.getByLabel('Choose a backup file (.json)');
    await chooser.setInputFiles(cut);
    await page.getByText('The file ends too early').waitFor();

    await chooser.setInputFiles(backup.path);
    await page.getByTestId('backup-contents').waitFor();
    expect(await page.getByTestId('backup-contents').innerText()).toContain('Reviews: 3');
    await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page.getByText('Restored. Your previous data is kept as a snapshot below.').waitFor();

    expect(await progress(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a CSV deck as a new role, exports it for Anki, and re-imports the update keeping progress', async () => {
    const { page, context, errors } = await openApp(browser, '/data');
    const area = page.locator('section', { has: page.getByRole('heading', { name: 'Import a deck' }) });
    await area
      .getByLabel('Choose a deck file (.json, .csv, .tsv, .txt)')
      .setInputFiles(resolve('tests/fixtures/data/llm-basics.csv'));
    await expect.poll(() => area.getByLabel('Deck name').inputValue()).toBe('llm-basics');
    await area.getByLabel('Deck name').fill('LLM basics');
    await expect
      .poll(() => area.getByTestId('import-preview').innerText())
      .toContain('New deck “LLM basics”. Cards: 3.');
    await area.getByRole('button', { name: 'Import' }).click();
    await area.getByRole('link', { name: 'Open the deck' }).click();
    await page.getByRole('heading', { name: 'LLM basics' }).waitFor();

    await page.goto(baseUrl() + '/review/user-llm-basics');
    await page.locator('.card-question').waitFor();
    expect(await page.locator('.card-question').innerText()).toContain('What does a KV cache store?');
    await reviewByKeyboard(page, '3');

    await page.goto(baseUrl() + '/data');
    const exporter = page.locator('section', { has: page.getByRole('heading', { name: 'Export a deck' }) });
    await exporter.getByLabel('Deck').selectOption({ label: 'LLM basics (imported)' });
    const tsv = await downloadBy(page, 'Export for Anki (TSV)');
    expect(tsv.name).toMatch(/^interview-recall-deck-user-llm-basics-\d{4}-\d{2}-\d{2}\.tsv$/);
    expect(tsv.text.split('\n').slice(0, 2)).toEqual(['#separator:tab', '#html:true']);
    expect(tsv.text).toContain('It scales logits before softmax:<br>lower is more deterministic.');

    const updated = join(downloads, 'updated.tsv');
    writeFileSync(
      updated,
      tsv.text.replace(
        'Retrieval-augmented generation',
        'Retrieval-augmented generation: search, then generate',
      ),
    );
    await area.getByLabel('Choose a deck file (.json, .csv, .tsv, .txt)').setInputFiles(updated);
    await expect.poll(() => area.getByLabel('Deck name').inputValue()).toBe('updated');
    await area.getByLabel('Deck name').fill('LLM basics');
    await expect
      .poll(() => area.getByTestId('import-preview').innerText())
      .toContain('Already here, progress kept: 3 (content changed: 1)');
    await area.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported “LLM basics”.').waitFor();
    await page.goto(baseUrl() + '/roles/user-llm-basics');
    await page.getByText('Learning (1)').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports a large history in chunks, the progress bar moving while the page stays live', async () => {
    const { page, context, errors } = await openApp(browser, '/data');
    await page.getByRole('heading', { name: 'Export review history' }).waitFor();
    // A million reviews export the same way (17–41 s in the worker); seeding them through raw IndexedDB takes
    // minutes (about 1,000–1,800 puts a second on the 2-core VM), so the test seeds 100,000.
    const total = 100_000;
    await page.evaluate(async (n) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('interview-recall');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const read = db.transaction('cards').objectStore('cards').getAllKeys();
      const cardIds = await new Promise<string[]>(
        (ok) => (read.onsuccess = () => ok(read.result as string[])),
      );
      const start = Date.UTC(2024, 0, 1);
      for (let from = 0; from < n; from += 10_000) {
        const tx = db.transaction('logs', 'readwrite');
        const logs = tx.objectStore('logs');
        for (let i = from; i < Math.min(n, from + 10_000); i++) {
          const cardId = cardIds[i % cardIds.length]!;
          const review = start + i * 60_000;
          logs.put({
            id: `seed-${i}`,
            cardId,
            deckId: cardId.split('.')[0],
            rating: (i % 4) + 1,
            state: i < cardIds.length ? 0 : 2,
            due: review + 86_400_000,
            stability: 3.5,
            difficulty: 5.2,
            elapsedDays: 1,
            lastElapsedDays: 1,
            scheduledDays: 1,
            learningSteps: 0,
            review,
            durationMs: 4200,
          });
        }
        await new Promise((ok, fail) => {
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
    }, total);

    const started = page.waitForEvent('download', { timeout: 200_000 });
    await page.getByRole('button', { name: 'Export history' }).click();
    const bar = page.locator('.job-progress progress[max]');
    await expect
      .poll(
        async () => {
          const [value, max] = await Promise.all([bar.getAttribute('value'), bar.getAttribute('max')]);
          return Number(value) > 0 && Number(value) < Number(max);
        },
        { timeout: 100_000 },
      )
      .toBe(true);
    const download = await started;
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(lines.slice(1, 3).every((l) => /^[a-z0-9-]+\.[a-z0-9-]+,\d{13},[1-4],[0-3],4200$/.test(l))).toBe(
      true,
    );
    await page.getByText('Exported to your downloads. Reviews: 100,000.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
