import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, zh };

export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogs[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
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
