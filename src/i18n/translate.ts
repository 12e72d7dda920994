import { en, type MessageKey } from './en';

export type Language = 'en' | 'zh';
export type { MessageKey };

/**
 * A plural form of a message, beside it in the catalogue: `key#one`, `key#few`… as
 * `Intl.PluralRules` names them, chosen by the number `n`. The plain key is the `other` form, so a
 * language with one form (Chinese) needs none.
 */
export type PluralForm = `${string}#${string}`;
/** A catalogue's message keys without their plural forms. */
export type BaseKey<K> = Exclude<K, PluralForm>;
export type Catalogue<K extends string> = Record<K, string> & { [form: PluralForm]: string };

/**
 * The shared catalogues loaded so far. English is always there (it is what a missing message falls
 * back to); Chinese loads on demand (loadCatalogue), so an English user does not download it.
 */
const catalogs: Partial<Record<Language, Catalogue<MessageKey>>> = { en };

export const hasCatalogue = (lang: Language): boolean => catalogs[lang] !== undefined;

/** Loads a language's shared catalogue; resolves at once when it is there. */
export async function loadCatalogue(lang: Language): Promise<void> {
  if (lang === 'zh' && !catalogs.zh) catalogs.zh = (await import('./zh')).zh;
}

/** The catalogue for `lang`, or English (with its plural rules) while `lang`'s is loading. */
const catalogueFor = (lang: Language): [Language, Catalogue<MessageKey>] => {
  const own = catalogs[lang];
  return own ? [lang, own] : ['en', en];
};

export type Vars = Record<string, string | number>;

export const localeOf = (lang: Language) => (lang === 'zh' ? 'zh-CN' : 'en');

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();
const once = <T>(cache: Map<Language, T>, lang: Language, make: () => T): T => {
  let value = cache.get(lang);
  if (!value) cache.set(lang, (value = make()));
  return value;
};
export const pluralRulesOf = (lang: Language) =>
  once(pluralRules, lang, () => new Intl.PluralRules(localeOf(lang)));

/** Fills `{name}` from `vars`; numbers are written as the language writes them (1,234). */
const fill = (lang: Language, template: string, vars?: Vars) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = vars[name];
        if (value === undefined) return whole;
        if (typeof value === 'string') return value;
        return once(numberFormats, lang, () => new Intl.NumberFormat(localeOf(lang))).format(value);
      })
    : template;

/** The message, in the plural form the count `n` asks for when the catalogue has one. */
function pick(catalog: Record<string, string>, lang: Language, key: string, vars?: Vars) {
  const n = vars?.n;
  if (typeof n === 'number') {
    const form = catalog[`${key}#${pluralRulesOf(lang).select(n)}`];
    if (form !== undefined) return form;
  }
  return catalog[key];
}

export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const [shown, catalog] = catalogueFor(lang);
  return fill(shown, pick(catalog, shown, key, vars) ?? key, vars);
}

/** A lazy screen's own catalogue, with the shared messages behind it. */
export function translateWith<K extends string>(
  own: Record<Language, Record<K, string>>,
  lang: Language,
  key: K | MessageKey,
  vars?: Vars,
): string {
  const ownTemplate = pick(own[lang] as Record<string, string>, lang, key, vars);
  if (ownTemplate !== undefined) return fill(lang, ownTemplate, vars);
  const [shown, catalog] = catalogueFor(lang);
  return fill(shown, pick(catalog, shown, key, vars) ?? key, vars);
}

/** The first choice of language comes from the browser's preferences. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
