import { useFeatureT } from '../../components/useT';
import { CardState, type SchedState } from '../../domain/scheduling/types';
import { recallAt } from '../../domain/stats/recall';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import { browserMessages } from './messages';

const STATE_KEYS = ['common.new', 'common.learning', 'common.review', 'common.relearning'] as const;
const HIDDEN_KEYS = {
  suspended: 'common.suspended',
  buried: 'common.buried',
  retired: 'common.retired',
} as const;

/** The card's FSRS state: stability, difficulty, recall now, due, lapses and reviews. */
export function CardStatePanel({ state: s, now }: { state: SchedState; now: number }) {
  const { t, lang } = useFeatureT(browserMessages);
  const studied = s.state !== CardState.New;
  const item = (label: Parameters<typeof t>[0], value: string, id: string) => (
    <div>
      <dt>{t(label)}</dt>
      <dd data-testid={`card-${id}`}>{value}</dd>
    </div>
  );
  return (
    <section aria-label={t('cardPage.fsrs')}>
      <h2>{t('cardPage.fsrs')}</h2>
      <dl className="fsrs">
        {item(
          'cardPage.status',
          `${t(STATE_KEYS[s.state])} · ${s.hidden ? t(HIDDEN_KEYS[s.hidden]) : t('cardPage.active')}${s.leech ? ` · ${t('card.leech')}` : ''}`,
          'status',
        )}
        {item(
          'cardPage.stability',
          studied ? t('cardPage.days', { n: Math.round(s.stability * 10) / 10 }) : '—',
          'stability',
        )}
        {item(
          'cardPage.difficulty',
          studied ? formatNumber(Math.round(s.difficulty * 10) / 10, lang) : '—',
          'difficulty',
        )}
        {item('cardPage.recall', studied ? formatPercent(recallAt(s, now), lang) : '—', 'recall')}
        {item('cardPage.due', studied ? formatDate(s.due, lang) : '—', 'due')}
        {item('cardPage.lapses', formatNumber(s.lapses, lang), 'lapses')}
        {item('cardPage.reps', formatNumber(s.reps, lang), 'reps')}
      </dl>
    </section>
  );
}
