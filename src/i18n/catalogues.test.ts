import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardcodedText } from './hardcodedText';
import { en } from './en';
import { pluralRulesOf, type Language } from './translate';
import { zh } from './zh';

type Catalogues = Record<Language, Record<string, string>>;

const isCatalogues = (value: unknown): value is Catalogues =>
  typeof value === 'object' && value !== null && 'en' in value && 'zh' in value;

/** The shared catalogue and every screen's own (each feature's messages.ts). */
const featureModules = import.meta.glob<Record<string, unknown>>(
  ['../features/*/*essages.ts', '../app/*essages.ts'],
  {
    eager: true,
  },
);
const catalogues: [string, Catalogues][] = [
  ['shared', { en, zh }],
  ...Object.entries(featureModules).flatMap(([path, module]) =>
    Object.entries(module)
      .filter(([, value]) => isCatalogues(value))
      .map(([name, value]) => [`${path} ${name}`, value as Catalogues] as [string, Catalogues]),
  ),
];

const languages: Language[] = ['en', 'zh'];
const baseKeys = (c: Record<string, string>) => Object.keys(c).filter((k) => !k.includes('#'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const hasLatin = (text: string) => /[A-Za-z]/.test(text.replace(/\{\w+\}/g, ''));
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** Messages that are rightly in the other language: the button that switches to it names it in it. */
const otherLanguageOnPurpose = new Set(['nav.language']);
/** Chinese messages made only of terms Chinese engineers write in English. */
const latinInChinese = new Set<string>();

describe('message catalogues', () => {
  it('finds the feature catalogues', () => {
    expect(catalogues.length).toBeGreaterThan(2);
  });

  for (const [name, catalogue] of catalogues) {
    describe(name, () => {
      it('has every message in both languages, with the same placeholders', () => {
        expect(baseKeys(catalogue.zh).sort()).toEqual(baseKeys(catalogue.en).sort());
        const mismatched = baseKeys(catalogue.en).filter(
          (key) => placeholders(catalogue.en[key]!).join() !== placeholders(catalogue.zh[key] ?? '').join(),
        );
        expect(mismatched).toEqual([]);
      });

      it('has each plural form a language needs, and none it does not', () => {
        const plural = new Set(
          languages
            .flatMap((l) => Object.keys(catalogue[l]).filter((k) => k.includes('#')))
            .map((k) => k.split('#')[0]!),
        );
        for (const lang of languages) {
          const forms = pluralRulesOf(lang)
            .resolvedOptions()
            .pluralCategories.filter((c) => c !== 'other');
          const expected = [...plural].flatMap((key) => forms.map((form) => `${key}#${form}`)).sort();
          const present = Object.keys(catalogue[lang])
            .filter((k) => k.includes('#'))
            .sort();
          expect(present, lang).toEqual(expected);
          for (const key of plural) expect(catalogue[lang][key], `${lang} ${key}`).toBeDefined();
        }
      });

      it('leaves no message in the other language', () => {
        const englishInChinese = Object.entries(catalogue.zh).filter(
          ([key, text]) =>
            !otherLanguageOnPurpose.has(key) &&
            !latinInChinese.has(key) &&
            hasLatin(text) &&
            (!hasHan(text) || text === catalogue.en[key]),
        );
        const chineseInEnglish = Object.entries(catalogue.en).filter(
          ([key, text]) => !otherLanguageOnPurpose.has(key) && hasHan(text),
        );
        expect(englishInChinese).toEqual([]);
        expect(chineseInEnglish).toEqual([]);
      });
    });
  }
});

/** A language's own name is written in that language whatever the interface language is. */
const languageNames = new Set(['English', '简体中文']);

describe('user-facing text in components', () => {
  it('comes from the catalogues, not from JSX', () => {
    const found: string[] = [];
    for (const dir of ['src/features', 'src/components', 'src/app']) {
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (!file.endsWith('.tsx') || file.endsWith('.test.tsx')) continue;
        const path = join(dir, file);
        for (const hit of findHardcodedText(path, readFileSync(path, 'utf8')))
          if (!languageNames.has(hit.text)) found.push(`${path}:${hit.line} ${hit.text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
