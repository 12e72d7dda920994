import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { deckSchema, type Deck } from '../src/domain/deck/schema';
import MarkdownRenderer from '../src/components/markdown/MarkdownRenderer';

const dir = join(__dirname, '..', 'decks');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'deck.schema.json');
const minCards: Record<string, number> = { fundamentals: 60, behavioral: 30 };

function load(file: string): Deck {
  const result = deckSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} is not a valid deck:\n${issues.join('\n')}`);
  }
  return result.data;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe.each(files)('deck %s', (file) => {
  const deck = load(file);

  it('is named after its id and points to the schema', () => {
    expect(file).toBe(`${deck.id}.json`);
    expect(deck.$schema).toBe('./deck.schema.json');
  });

  it('has enough cards, each with a model-length answer', () => {
    expect(deck.cards.length).toBeGreaterThanOrEqual(minCards[deck.id] ?? 45);
    const short = deck.cards.filter((c) => words(c.answer.en) < 60).map((c) => c.id);
    const long = deck.cards.filter((c) => words(c.answer.en) > 450).map((c) => c.id);
    // The Chinese says the same thing: roughly 1.5–2 characters per English word; far less means it was cut.
    const thinZh = deck.cards
      .filter((c) => c.answer.zh.replace(/\s/g, '').length < words(c.answer.en) * 0.9)
      .map((c) => c.id);
    expect({ short, long, thinZh }).toEqual({ short: [], long: [], thinZh: [] });
  });

  it('gives every card 3–5 key points, each one short line in both languages', () => {
    const problems: string[] = [];
    for (const card of deck.cards) {
      const points = card.keyPoints ?? [];
      if (points.length < 3 || points.length > 5) problems.push(`${card.id}: ${points.length} key points`);
      points.forEach((p, i) => {
        const where = `${card.id} key point ${i + 1}`;
        if (words(p.en) > 20) problems.push(`${where}: ${words(p.en)} English words (≤ 20)`);
        if ([...p.zh].length > 80) problems.push(`${where}: ${[...p.zh].length} Chinese characters (≤ 80)`);
        if (/\n/.test(p.en + p.zh)) problems.push(`${where}: spans lines`);
        // Chinese with no Han character was left untranslated.
        if (!/\p{Script=Han}/u.test(p.zh)) problems.push(`${where}: Chinese has no Chinese`);
        if (p.en.trim().toLowerCase() === card.question.en.trim().toLowerCase())
          problems.push(`${where}: restates the question`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('keeps model answers within 250 English words, except derivations', () => {
    const long = deck.cards
      .filter((c) => c.type !== 'derivation' && words(c.answer.en) > 250)
      .map((c) => `${c.id}: ${words(c.answer.en)} words`);
    expect(long).toEqual([]);
  });

  it('names every topic its cards use', () => {
    const missing = deck.cards.filter((c) => !deck.topics?.[c.topic]).map((c) => `${c.id}: ${c.topic}`);
    expect(missing).toEqual([]);
  });

  it('renders every Markdown field and its math without error', () => {
    const failures: string[] = [];
    for (const card of deck.cards) {
      const fields = [
        card.question,
        card.answer,
        card.pitfalls,
        ...(card.followUps ?? []),
        ...(card.keyPoints ?? []),
      ];
      for (const field of fields) {
        for (const lang of ['en', 'zh'] as const) {
          const text = field?.[lang];
          if (!text) continue;
          const html = renderToStaticMarkup(createElement(MarkdownRenderer, { text }));
          if (html.includes('katex-error')) failures.push(`${card.id} (${lang}) math: ${text.slice(0, 80)}`);
          // Emphasis markers left as text mean the Markdown did not parse as the author meant.
          const prose = html.replace(/<code[\s\S]*?<\/code>|<span class="katex[\s\S]*?<\/annotation>/g, '');
          if (prose.includes('**')) failures.push(`${card.id} (${lang}) literal **: ${text.slice(0, 80)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

it('card ids are unique across all decks', () => {
  const owner = new Map<string, string>();
  const dupes: string[] = [];
  for (const file of files) {
    for (const card of load(file).cards) {
      const prev = owner.get(card.id);
      if (prev) dupes.push(`${card.id} in ${prev} and ${file}`);
      owner.set(card.id, file);
    }
  }
  expect(dupes).toEqual([]);
});
