import { useCallback } from 'react';
import { translate, translateWith, type Language, type MessageKey, type Vars } from '../i18n/translate';
import { useLanguage } from '../state/appStore';

export function useT() {
  const lang = useLanguage();
  const t = useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
  return { t, lang };
}

/** `useT` for a lazy screen that brings its own messages (looked up first, then the shared ones). */
export function useFeatureT<K extends string>(messages: Record<Language, Record<K, string>>) {
  const lang = useLanguage();
  const t = useCallback(
    (key: K | MessageKey, vars?: Vars) => translateWith(messages, lang, key, vars),
    [lang, messages],
  );
  return { t, lang };
}
