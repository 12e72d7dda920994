import type { Language } from '../i18n/translate';

export const other = (lang: Language): Language => (lang === 'en' ? 'zh' : 'en');
