import { useCallback } from 'react';
import { translate, type MessageKey } from '../i18n/translate';
import { useLanguage } from '../state/appStore';

export function useT() {
  const lang = useLanguage();
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    [lang],
  );
  return { t, lang };
}
