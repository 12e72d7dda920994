import { memo } from 'react';
import { Link } from 'react-router';
import { FlagMark } from '../../components/FlagMark';
import { useFeatureT } from '../../components/useT';
import type { Flag } from '../../domain/scheduling/types';
import { CardState } from '../../domain/scheduling/types';
import { formatDate } from '../../i18n/format';
import { browserMessages } from './messages';
import type { BrowseRow } from './search/protocol';

const STATE_KEYS = ['common.new', 'common.learning', 'common.review', 'common.relearning'] as const;
const HIDDEN_KEYS = {
  suspended: 'common.suspended',
  buried: 'common.buried',
  retired: 'common.retired',
} as const;

/**
 * One card in the browser's list: selectable, its flag and marks, a link to its page. Memoised:
 * a keystroke in the search box or a page of rows arriving re-renders the list, not its rows.
 */
export const ResultRow = memo(function ResultRow({
  row,
  selected,
  onSelect,
  roleName,
}: {
  row: BrowseRow | undefined;
  selected: boolean;
  onSelect: (cardId: string, on: boolean) => void;
  roleName: (deckId: string) => string;
}) {
  const { t, lang } = useFeatureT(browserMessages);
  if (!row) return <div className="browse-row browse-row-loading" aria-busy="true" />;
  return (
    <div className={`browse-row${row.hidden ? ` is-${row.hidden}` : ''}`} data-card-id={row.cardId}>
      <input
        type="checkbox"
        checked={selected}
        onChange={(e) => onSelect(row.cardId, e.target.checked)}
        aria-label={t('browse.select', { card: row.question })}
      />
      {/* Its own grid cell, flagged or not: without it the columns after it shifted left. */}
      <span className="browse-flag">
        <FlagMark flag={(row.flag || undefined) as Flag | undefined} />
      </span>
      <Link className="browse-q" to={`/cards/${row.cardId}`}>
        {row.question}
      </Link>
      <span className="browse-role muted">{roleName(row.deckId)}</span>
      <span className="browse-state">
        {row.hidden ? t(HIDDEN_KEYS[row.hidden]) : t(STATE_KEYS[row.state])}
        {row.leech && <span className="tag tag-leech">{t('card.leech')}</span>}
      </span>
      <span className="browse-due muted">
        {row.state === CardState.New ? '—' : formatDate(row.due, lang)}
      </span>
    </div>
  );
});
