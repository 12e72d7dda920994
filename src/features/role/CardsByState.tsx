import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Localized } from '../../domain/deck/schema';
import { CardState } from '../../domain/scheduling/types';
import { stateLabels, type StateGroup } from '../../components/stateLabels';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { formatDate, formatNumber } from '../../i18n/format';
import { cardIdsOf, loadCardTitles, type CardTitle, type RoleColumns } from '../../storage/roleCards';
import { roleMessages } from './messages';
import { groupCards, sortedByDue } from './stateGroups';

/** Rows a group's list shows at a time: a large deck's group opens at once. */
export const PAGE = 50;

/** The card browser's filter for a group, where it has one. */
const browseParams: Partial<Record<StateGroup, string>> = {
  new: 'state=new',
  learning: 'state=learning',
  review: 'state=review',
  relearning: 'state=relearning',
  suspended: 'suspended=1',
  buried: 'buried=1',
};

export function CardsByState({
  deckId,
  columns,
  topics,
}: {
  deckId: string;
  columns: RoleColumns;
  topics: Record<string, Localized>;
}) {
  const { t } = useFeatureT(roleMessages);
  const groups = useMemo(() => groupCards(columns), [columns]);
  return (
    <section>
      <h2>{t('role.cardsByState')}</h2>
      {stateLabels.map(([group, label]) => {
        const list = groups.get(group);
        return list ? (
          <GroupDetails
            key={group}
            label={t(label)}
            deckId={deckId}
            group={group}
            columns={columns}
            list={list}
            topics={topics}
          />
        ) : null;
      })}
    </section>
  );
}

interface GroupProps {
  deckId: string;
  group: StateGroup;
  columns: RoleColumns;
  /** The group's cards: positions in `columns`. */
  list: number[];
  topics: Record<string, Localized>;
}

/** A group's count; its list is built only once opened (a closed `<details>` still holds its rows). */
function GroupDetails({ label, ...group }: GroupProps & { label: string }) {
  const { lang } = useFeatureT(roleMessages);
  const [open, setOpen] = useState(false);
  return (
    <details className="state-group" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {label} ({formatNumber(group.list.length, lang)})
      </summary>
      {open && <GroupList {...group} />}
    </details>
  );
}

/** A group's cards, soonest due first, a page at a time: titles are read only for the rows shown. */
function GroupList({ deckId, group, columns, list, topics }: GroupProps) {
  const db = useDb();
  const { t, lang } = useFeatureT(roleMessages);
  const [shown, setShown] = useState(PAGE);
  const [titles, setTitles] = useState<Map<string, CardTitle>>(new Map());
  // Sorted once the group is opened: a closed group needs only its count.
  const sorted = useMemo(() => sortedByDue(columns, list), [columns, list]);
  const ids = cardIdsOf(columns);
  const rows = sorted
    .slice(0, shown)
    .map((i) => ({ id: ids[i]!, state: columns.state[i], due: columns.due[i]! }));
  const key = rows
    .filter((c) => !titles.has(c.id))
    .map((c) => c.id)
    .join(' ');
  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadCardTitles(db, key.split(' ')).then((loaded) => {
      if (live) setTitles((known) => new Map([...known, ...loaded.map((c) => [c.id, c] as const)]));
    });
    return () => {
      live = false;
    };
  }, [db, key]);

  return (
    <>
      <table>
        <thead>
          <tr>
            <th>{t('role.topic')}</th>
            <th>{t('review.title')}</th>
            <th>{t('role.dueOn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, state, due }) => {
            const title = titles.get(id);
            return (
              <tr key={id}>
                <td>{title ? (topics[title.topic]?.[lang] ?? title.topic) : ''}</td>
                <td>
                  {title ? <Link to={`/cards/${id}`}>{title.question[lang]}</Link> : t('role.listLoading')}
                </td>
                <td>{state !== CardState.New ? formatDate(due, lang) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="actions">
        {rows.length < list.length && (
          <button type="button" onClick={() => setShown(shown + PAGE)}>
            {t('role.listMore', { n: formatNumber(Math.min(PAGE, list.length - rows.length), lang) })}
          </button>
        )}{' '}
        {browseParams[group] && list.length > PAGE && (
          <Link to={`/browse?role=${encodeURIComponent(deckId)}&${browseParams[group]}`}>
            {t('role.listInBrowser', { n: formatNumber(list.length, lang) })}
          </Link>
        )}
      </p>
    </>
  );
}
