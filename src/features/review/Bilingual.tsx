import type { Localized } from '../../domain/deck/schema';
import { isSingleLanguage } from '../../domain/deck/cardLabels';
import { Markdown } from '../../components/markdown/Markdown';
import { other } from '../../components/localized';
import type { Language } from '../../i18n/translate';

/** A text in the user's language, and beside it the other language when asked (and when it differs). */
export function Bilingual({ text, lang, both }: { text: Localized; lang: Language; both: boolean }) {
  if (!both || isSingleLanguage(text)) return <Markdown text={text[lang]} lang={lang} />;
  return (
    <div className="bilingual">
      <Markdown text={text[lang]} lang={lang} />
      <Markdown text={text[other(lang)]} lang={other(lang)} />
    </div>
  );
}
