import { ratings, type Rating } from '../../domain/scheduling/types';
import type { MessageKey } from '../../i18n/translate';
import { formatInterval } from '../../i18n/format';
import { useT } from '../../components/useT';

const labels: Record<Rating, MessageKey> = {
  1: 'review.again',
  2: 'review.hard',
  3: 'review.good',
  4: 'review.easy',
};

export function RatingButtons({
  intervals,
  onRate,
}: {
  intervals: Record<Rating, number>;
  onRate: (rating: Rating) => void;
}) {
  const { t, lang } = useT();
  return (
    <div className="ratings" role="group" aria-label="rate">
      {ratings.map((r) => (
        <button key={r} className={`rate rate-${r}`} onClick={() => onRate(r)}>
          <span className="rate-interval">{formatInterval(intervals[r], lang)}</span>
          <span className="rate-label">
            {t(labels[r])} <kbd>{r}</kbd>
          </span>
        </button>
      ))}
    </div>
  );
}
