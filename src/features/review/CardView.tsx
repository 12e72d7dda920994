import { memo } from 'react';
import type { CardRecord } from '../../domain/deck/records';
import type { Localized } from '../../domain/deck/schema';
import { hasAuthoredLabels } from '../../domain/deck/cardLabels';
import { useT } from '../../components/useT';
import { Bilingual } from './Bilingual';
import { KeyPointsChecklist } from '../../components/KeyPointsChecklist';

export interface CardViewProps {
  card: CardRecord;
  revealed: boolean;
  both: boolean;
  /** The display name of the card's topic, from its deck. */
  topicName?: Localized;
  ticked: readonly number[];
  onToggleTick: (index: number) => void;
  /** Whether the full model answer is open beneath the key points. */
  answerOpen: boolean;
  onToggleAnswer: (open: boolean) => void;
}

/**
 * One card: the question; once revealed, its key points as a checklist first, the model answer
 * beneath (collapsed unless the user keeps it open), then pitfalls, follow-ups and references,
 * collapsed until opened. A card without key points shows its model answer straight away.
 */
export const CardView = memo(function CardView({
  card,
  revealed,
  both,
  topicName,
  ticked,
  onToggleTick,
  answerOpen,
  onToggleAnswer,
}: CardViewProps) {
  const { t, lang } = useT();
  const keyPoints = card.keyPoints ?? [];
  const labelled = hasAuthoredLabels(card);
  return (
    <article className="card" aria-live="polite" data-card-id={card.id}>
      <p className="card-meta">
        {labelled && <span className="tag">{topicName?.[lang] ?? card.topic}</span>}
        {labelled && <span className="tag">{t(`cardType.${card.type}`)}</span>}
        {labelled && <span className="tag">{t('review.difficulty', { n: card.difficulty })}</span>}
        {card.tags.map((tag) => (
          <span key={tag} className="tag tag-user">
            #{tag}
          </span>
        ))}
      </p>
      <section className="card-question" aria-label={t('review.question')}>
        <Bilingual text={card.question} lang={lang} both={both} />
      </section>
      {revealed && (
        <section className="card-answer" aria-label={t('review.answer')}>
          <hr />
          {keyPoints.length > 0 ? (
            <>
              <KeyPointsChecklist points={keyPoints} ticked={ticked} both={both} onToggle={onToggleTick} />
              <details
                className="model-answer"
                open={answerOpen}
                onToggle={(e) => {
                  const open = (e.currentTarget as HTMLDetailsElement).open;
                  if (open !== answerOpen) onToggleAnswer(open);
                }}
              >
                <summary>
                  {t('review.modelAnswer')} <kbd className="key-hint">A</kbd>
                </summary>
                <Bilingual text={card.answer} lang={lang} both={both} />
              </details>
            </>
          ) : (
            <Bilingual text={card.answer} lang={lang} both={both} />
          )}
          {card.pitfalls && (
            <details>
              <summary>{t('review.pitfalls')}</summary>
              <Bilingual text={card.pitfalls} lang={lang} both={both} />
            </details>
          )}
          {card.followUps && card.followUps.length > 0 && (
            <details>
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
