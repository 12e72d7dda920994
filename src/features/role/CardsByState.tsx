import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Localized } from '../../domain/deck/schema';
import { CardState } from '../../domain/scheduling/types';
import { stateLabels, type StateGroup } from '../../components/stateLabels';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { formatDate, formatNumber } from '../../i18n/format';
import { loadCardTitles, type CardTitle, type RoleCard } from '../../storage/roleCards';
import { roleMessages } from './messages';

/** Rows a group's list shows at a time: a large deck's group opens at once. */
export const PAGE = 50;

function groupOf({ retired, state }: RoleCard): StateGroup {
  if (retired) return 'retired';
  if (state?.hidden === 'suspended') return 'suspended';
  if (state?.hidden === 'buried') return 'buried';
  switch (state?.state ?? CardState.New) {
    case CardState.Learning:
      return 'learning';
    case CardState.Review:
      return 'review';
    case CardState.Relearning:
      return 'relearning';
    default:
      return 'new';
  }
}

/** The card browser's filter for a group, where it has one. */
const browseParams: Partial<Record<StateGroup, string>> = {
  new: 'state=new',
  learning: 'state=learning',
  review: 'state=review',
  relearning: 'state=relearning',
  suspended: 'suspended=1',
  buried: 'buried=1',
};

/** Soonest due first (a new card's `due` is its place in the deck). */
const byDue = (a: RoleCard, b: RoleCard) => (a.state?.due ?? 0) - (b.state?.due ?? 0);

export function CardsByState({
  deckId,
  cards,
  topics,
}: {
  deckId: string;
  cards: RoleCard[];
  topics: Record<string, Localized>;
}) {
  const { t } = useFeatureT(roleMessages);
  const groups = useMemo(() => {
    const byGroup = new Map<StateGroup, RoleCard[]>();
    for (const card of cards) {
      const group = groupOf(card);
      const list = byGroup.get(group);
      if (list) list.push(card);
      else byGroup.set(group, [card]);
    }
    for (const list of byGroup.values()) list.sort(byDue);
    return byGroup;
  }, [cards]);
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
  list: RoleCard[];
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
function GroupList({ deckId, group, list, topics }: GroupProps) {
  const db = useDb();
  const { t, lang } = useFeatureT(roleMessages);
  const [shown, setShown] = useState(PAGE);
  const [titles, setTitles] = useState<Map<string, CardTitle>>(new Map());
  const rows = list.slice(0, shown);
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
          {rows.map(({ id, state }) => {
            const title = titles.get(id);
            return (
              <tr key={id}>
                <td>{title ? (topics[title.topic]?.[lang] ?? title.topic) : ''}</td>
                <td>
                  {title ? <Link to={`/cards/${id}`}>{title.question[lang]}</Link> : t('role.listLoading')}
                </td>
                <td>{state && state.state !== CardState.New ? formatDate(state.due, lang) : '—'}</td>
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
