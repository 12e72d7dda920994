import type { CardRecord } from '../../domain/deck/records';
import { KeyPointsChecklist } from '../../components/KeyPointsChecklist';
import { useFeatureT } from '../../components/useT';
import { answerMessages } from './answerMessages';
import { Bilingual } from './Bilingual';

interface Props {
  card: CardRecord;
  both: boolean;
  ticked: readonly number[];
  onToggleTick: (index: number) => void;
  answerOpen: boolean;
  onToggleAnswer: (open: boolean) => void;
}

/** A revealed card's answer: key points, the model answer, pitfalls, follow-ups, references. */
export function CardAnswer({ card, both, ticked, onToggleTick, answerOpen, onToggleAnswer }: Props) {
  const { t, lang } = useFeatureT(answerMessages);
  const keyPoints = card.keyPoints ?? [];
  return (
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
  );
}
