import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinFiles, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { DbProvider } from '../../components/DbContext';
import { backupToString } from '../../domain/backup/format';
import { defaultSettings } from '../../domain/settings/settings';
import { collectAll } from '../../storage/backup/collect';
import { syncDecks } from '../../storage/deckSync';
import { freshDb } from '../../storage/testing';
import { useAppStore } from '../../state/appStore';
import DataScreen from './DataScreen';

async function renderInChinese() {
  const db = freshDb();
  await syncDecks(db, builtinFiles());
  useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' }, persist: 'granted' });
  render(
    <DbProvider db={db}>
      <MemoryRouter>
        <DataScreen />
      </MemoryRouter>
    </DbProvider>,
  );
  return userEvent.setup();
}

const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;

/** Each refusal's sentence, without where it was found (a field path, a card id: the file's own words). */
const sentences = (alert: HTMLElement) =>
  [...alert.querySelectorAll('li')].map((li) => {
    const copy = li.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('code').forEach((code) => code.remove());
    return copy.textContent!.trim();
  });
/**
 * English words in a sentence, leaving out values quoted from the file or the format (“…”, true)
 * and "id", which Chinese engineers write in English.
 */
const englishIn = (sentence: string) =>
  sentence
    .replace(/“[^”]*”|"[^"]*"|https?:\/\/|\b(true|false|null|id|YYYY-MM-DD|\d+[mhd])\b/g, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

beforeEach(() => {
  useAppStore.setState({ settings: { ...defaultSettings, language: 'zh' }, persist: 'granted' });
});

describe('a refused import or restore, with the app in Chinese', () => {
  it('says in Chinese which limit a CSV deck goes over, by line', async () => {
    const user = await renderInChinese();
    const area = section('导入卡组');
    const csv = `q,ok\nquestion,"${'> '.repeat(40)}x"\n${'x'.repeat(2_001)},a\n`;
    await user.upload(within(area).getByLabelText(/选择卡组文件/), new File([csv], 'deep.csv'));
    const alert = await within(area).findByRole('alert');
    expect(alert).toHaveTextContent('这个文件无法导入，没有做任何改动：');
    expect(alert).toHaveTextContent('第 2 行 · 背面 引用或列表嵌套了 40 层，最多允许 32 层。');
    expect(alert).toHaveTextContent('第 3 行 · 正面 太长了：最多允许 2,000 个字符。');
    expect(sentences(alert).flatMap(englishIn)).toEqual([]);
  });

  it('says every problem of a JSON deck in Chinese: its shape, ids, lengths and Markdown', async () => {
    const user = await renderInChinese();
    const area = section('导入卡组');
    const card = {
      id: 'mine.a',
      topic: 'rag',
      tags: [],
      difficulty: 2,
      type: 'concept',
      question: { en: 'Q', zh: '问' },
      answer: { en: 'A', zh: '答' },
    };
    const deck = (cards: object[], more = {}) => ({
      id: 'mine',
      version: 1,
      title: { en: 'Mine', zh: '我的' },
      description: { en: 'D', zh: '说明' },
      cards,
      ...more,
    });
    const refusal = async (file: object) => {
      await user.upload(
        within(area).getByLabelText(/选择卡组文件/),
        new File([JSON.stringify(file)], 'mine.json'),
      );
      const alert = await within(area).findByRole('alert');
      return { alert, said: sentences(alert) };
    };

    const shape = await refusal(
      deck(
        [
          { ...card, difficulty: 5, type: 'essay', tags: Array(13).fill('t') },
          { ...card, id: 'mine.b', answer: { en: 'x'.repeat(20_001) }, keyPoints: [] },
          { ...card, id: 'mine.c', references: [{ title: 'T', url: 'ftp://x' }] },
          { ...card, id: 'Bad Id', topic: 'Also Bad' },
        ],
        { extra: true, topics: { 'Not A Slug': { en: 'x', zh: 'x' } } },
      ),
    );
    expect(shape.said).toHaveLength(11);
    expect(shape.said.flatMap(englishIn)).toEqual([]);
    for (const sentence of [
      '必须是以下之一：1, 2, 3。',
      '项数太多：最多允许 12 项。',
      '太长了：最多允许 20,000 个字符。',
      '缺少这一项。',
      '至少需要 3 项。',
      '包含格式里没有的字段：“extra”。',
      '必须是以 http:// 或 https:// 开头的网址。',
      '必须是形如“deck-id.card-slug”的卡片 id。',
    ])
      expect(shape.said).toContain(sentence);

    const ids = await refusal(deck([card, card, { ...card, id: 'other.c' }]));
    expect(ids.said).toEqual(['卡片 id“mine.a”出现了不止一次。', '必须以所属卡组的 id“mine.”开头。']);

    const markdown = await refusal(
      deck([{ ...card, question: { en: '*_'.repeat(600), zh: Array(40).fill('$x$').join(' ') } }]),
    );
    expect(markdown.said).toEqual([
      '一个段落里有 1,200 个强调标记（*、_、~），最多允许 1,000 个。',
      '一个段落里有 40 个公式，最多允许 30 个。',
    ]);
  });

  it('says in Chinese what is wrong with a backup', async () => {
    const text = backupToString(await collectAll(await seeded(freshDb()), T0))
      .replace(/"stability": ?[\d.e+-]+/, '"stability": 1e308')
      .replace(/,\n "checksum": "[^"]*"/, '');
    const user = await renderInChinese();
    const restore = section('从备份恢复');
    await user.upload(within(restore).getByLabelText(/备份文件/), new File([text], 'b.json'));
    const alert = await within(restore).findByRole('alert');
    expect(alert).toHaveTextContent('必须是 0 到 36,500 之间的数字。');
    expect(sentences(alert).flatMap(englishIn)).toEqual([]);
  });
});
