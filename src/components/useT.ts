import { useCallback } from 'react';
import { translate, translateWith, type Language, type MessageKey, type Vars } from '../i18n/translate';
import { useAppStore, useLanguage } from '../state/appStore';

/** A new `t` (and a render) once the language's messages have loaded: until then they are English. */
const useCatalogues = () => useAppStore((s) => s.catalogues);

export function useT() {
  const lang = useLanguage();
  const catalogues = useCatalogues();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `catalogues` changes what translate finds
  const t = useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang, catalogues]);
  return { t, lang };
}

/** `useT` for a lazy screen that brings its own messages (looked up first, then the shared ones). */
export function useFeatureT<K extends string>(messages: Record<Language, Record<K, string>>) {
  const lang = useLanguage();
  const catalogues = useCatalogues();
  const t = useCallback(
    (key: K | MessageKey, vars?: Vars) => translateWith(messages, lang, key, vars),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `catalogues` changes what translateWith finds
    [lang, messages, catalogues],
  );
  return { t, lang };
}
