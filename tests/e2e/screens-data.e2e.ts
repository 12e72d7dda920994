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

describe('a refused deck', () => {
  it('says which limit it goes over in the language of the app, Chinese here', async () => {
    const { page, context, errors } = await openApp(browser, '/data', 'zh-CN');
    const area = page.locator('section', { has: page.getByRole('heading', { name: '导入卡组' }) });
    const csv = `q,ok\nquestion,"${'> '.repeat(40)}x"\n${'x'.repeat(2_001)},a\n`;
    await area
      .getByLabel('选择卡组文件（.json、.csv、.tsv、.txt）')
      .setInputFiles({ name: 'deep.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const alert = area.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('这个文件无法导入，没有做任何改动：');
    const text = await alert.innerText();
    expect(text).toContain('第 2 行 · 背面 引用或列表嵌套了 40 层，最多允许 32 层。');
    expect(text).toContain('第 3 行 · 正面 太长了：最多允许 2,000 个字符。');
    expect(text).not.toMatch(/levels|Too big|characters|front|back/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
