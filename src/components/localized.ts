import type { Localized } from '../domain/deck/schema';
import type { Language } from '../i18n/translate';

export const pick = (text: Localized, lang: Language): string => text[lang];
export const other = (lang: Language): Language => (lang === 'en' ? 'zh' : 'en');
