import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, zh };

export type Vars = Record<string, string | number>;

const fill = (template: string, vars?: Vars) =>
  vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;

export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  return fill(catalogs[lang][key], vars);
}

/** A lazy screen's own catalogue, with the shared messages behind it. */
export function translateWith<K extends string>(
  own: Record<Language, Record<K, string>>,
  lang: Language,
  key: K | MessageKey,
  vars?: Vars,
): string {
  const mine = own[lang] as Record<string, string>;
  return fill(mine[key] ?? catalogs[lang][key as MessageKey], vars);
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
