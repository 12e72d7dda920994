import { memo, Suspense } from 'react';
import type { CardRecord } from '../../domain/deck/records';
import type { Localized } from '../../domain/deck/schema';
import { hasAuthoredLabels } from '../../domain/deck/cardLabels';
import { useT } from '../../components/useT';
import { Bilingual } from './Bilingual';
import { CardAnswer } from './answerUi';

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
        <Suspense fallback={null}>
          <CardAnswer
            card={card}
            both={both}
            ticked={ticked}
            onToggleTick={onToggleTick}
            answerOpen={answerOpen}
            onToggleAnswer={onToggleAnswer}
          />
        </Suspense>
      )}
    </article>
  );
});
