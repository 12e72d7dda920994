import { memo } from 'react';
import type { CardRecord } from '../../domain/deck/records';
import type { Localized } from '../../domain/deck/schema';
import { Markdown } from '../../components/markdown/Markdown';
import { other } from '../../components/localized';
import { useT } from '../../components/useT';
import type { Language } from '../../i18n/translate';

function Bilingual({ text, lang, both }: { text: Localized; lang: Language; both: boolean }) {
  if (!both) return <Markdown text={text[lang]} lang={lang} />;
  return (
    <div className="bilingual">
      <Markdown text={text[lang]} lang={lang} />
      <Markdown text={text[other(lang)]} lang={other(lang)} />
    </div>
  );
}

/** One card: the question, and once revealed the answer, pitfalls, follow-ups and references. */
export const CardView = memo(function CardView({
  card,
  revealed,
  both,
}: {
  card: CardRecord;
  revealed: boolean;
  both: boolean;
}) {
  const { t, lang } = useT();
  return (
    <article className="card" aria-live="polite" data-card-id={card.id}>
      <p className="card-meta">
        <span className="tag">{card.topic}</span>
        <span className="tag">{card.type}</span>
        <span className="tag">{t('review.difficulty', { n: card.difficulty })}</span>
      </p>
      <section className="card-question" aria-label="question">
        <Bilingual text={card.question} lang={lang} both={both} />
      </section>
      {revealed && (
        <section className="card-answer" aria-label="answer">
          <hr />
          <Bilingual text={card.answer} lang={lang} both={both} />
          {card.pitfalls && (
            <details open>
              <summary>{t('review.pitfalls')}</summary>
              <Bilingual text={card.pitfalls} lang={lang} both={both} />
            </details>
          )}
          {card.followUps && card.followUps.length > 0 && (
            <details open>
              <summary>{t('review.followUps')}</summary>
              <ul>
                {card.followUps.map((f, i) => (
                  <li key={i}>
                    <Bilingual text={f} lang={lang} both={both} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {card.references && card.references.length > 0 && (
            <details>
              <summary>{t('review.references')}</summary>
              <ul>
                {card.references.map((r) => (
                  <li key={r.url}>
                    <a href={r.url} target="_blank" rel="noopener noreferrer nofollow">
                      {r.title}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </article>
  );
});
