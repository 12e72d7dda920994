import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openApp, reviewByKeyboard } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an imported deck on every screen', () => {
  it('is in the statistics’ readiness by role, with the card studied', async () => {
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
    await area.getByRole('link', { name: 'Open the deck' }).waitFor();

    await page.goto(baseUrl() + '/review/user-llm-basics');
    await page.locator('.card-question').waitFor();
    await reviewByKeyboard(page, '4');

    await page.goto(baseUrl() + '/stats');
    const row = page.getByRole('row', { name: /LLM basics/ });
    await row.waitFor();
    // One of its three cards studied.
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('33%');
    expect(errors).toEqual([]);
    await context.close();
  });
});
