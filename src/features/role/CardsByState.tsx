import type { Localized } from '../../domain/deck/schema';
import { CardState } from '../../domain/scheduling/types';
import { stateLabels, type StateGroup } from '../../components/stateLabels';
import { formatDate, formatNumber } from '../../i18n/format';
import type { CardWithState } from '../../storage/decks';
import { useT } from '../../components/useT';

function groupOf({ card, state }: CardWithState): StateGroup {
  if (card.retired || state?.hidden === 'retired') return 'retired';
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

export function CardsByState({
  cards,
  topics,
}: {
  cards: CardWithState[];
  topics: Record<string, Localized>;
}) {
  const { t, lang } = useT();
  return (
    <section>
      <h2>{t('role.cardsByState')}</h2>
      {stateLabels.map(([group, label]) => {
        const list = cards.filter((c) => groupOf(c) === group);
        if (list.length === 0) return null;
        return (
          <details key={group} className="state-group">
            <summary>
              {t(label)} ({formatNumber(list.length, lang)})
            </summary>
            <table>
              <thead>
                <tr>
                  <th>{t('role.topic')}</th>
                  <th>{t('review.title')}</th>
                  <th>{t('role.dueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ card, state }) => (
                  <tr key={card.id}>
                    <td>{topics[card.topic]?.[lang] ?? card.topic}</td>
                    <td>{card.question[lang]}</td>
                    <td>{state && state.state !== CardState.New ? formatDate(state.due, lang) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}
