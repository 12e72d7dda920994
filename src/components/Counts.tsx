import type { QueueCounts } from '../domain/queue/queue';
import { formatNumber } from '../i18n/format';
import { useT } from './useT';

/** New / learning / review counts, coloured like Anki's so they read at a glance. */
export function Counts({ counts, label }: { counts: QueueCounts; label?: string }) {
  const { t, lang } = useT();
  return (
    <span className="counts" aria-label={label}>
      <span className="count-new" title={t('common.new')}>
        {t('common.new')} {formatNumber(counts.new, lang)}
      </span>
      <span className="count-learning" title={t('common.learning')}>
        {t('common.learning')} {formatNumber(counts.learning, lang)}
      </span>
      <span className="count-review" title={t('common.review')}>
        {t('common.review')} {formatNumber(counts.review, lang)}
      </span>
    </span>
  );
}
