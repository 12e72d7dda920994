import { ratings, type Rating } from '../../domain/scheduling/types';
import type { MessageKey } from '../../i18n/translate';
import { formatInterval } from '../../i18n/format';
import { useFeatureT } from '../../components/useT';
import { answerMessages } from './answerMessages';

const labels: Record<Rating, MessageKey> = {
  1: 'review.again',
  2: 'review.hard',
  3: 'review.good',
  4: 'review.easy',
};

export function RatingButtons({
  intervals,
  suggested,
  onRate,
}: {
  intervals: Record<Rating, number>;
  /** The rating the ticked key points suggest (Enter accepts it), if the card has key points. */
  suggested: Rating | null;
  onRate: (rating: Rating) => void;
}) {
  const { t, lang } = useFeatureT(answerMessages);
  return (
    <div className="ratings" role="group" aria-label={t('review.rate')}>
      {ratings.map((r) => (
        <button
          key={r}
          className={`rate rate-${r}${r === suggested ? ' suggested' : ''}`}
          aria-describedby={r === suggested ? 'suggested-rating' : undefined}
          onClick={() => onRate(r)}
        >
          <span className="rate-interval">{formatInterval(intervals[r], lang)}</span>
          <span className="rate-label">
            {t(labels[r])} <kbd className="key-hint">{r}</kbd>
          </span>
          {r === suggested && (
            <span className="rate-suggested" id="suggested-rating">
              {t('review.suggested')} <kbd className="key-hint">Enter</kbd>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
