import { Link, useParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { roleMessages } from './messages';
import { formatNumber } from '../../i18n/format';
import { getDeck } from '../../storage/decks';
import { loadRoleColumns } from '../../storage/roleCards';
import { CardsByState } from './CardsByState';
import { RetentionGuidance } from './RetentionGuidance';
import { RoleSettingsForm } from './RoleSettingsForm';
import { cardCount } from './stateGroups';
import { StudyMore } from './StudyMore';

export default function RoleScreen() {
  const { roleId = '' } = useParams();
  const db = useDb();
  const { t, lang } = useFeatureT(roleMessages);
  const data = useAsync(async () => {
    const [deck, columns] = await Promise.all([getDeck(db, roleId), loadRoleColumns(db, roleId)]);
    return { deck, columns };
  }, [db, roleId]);

  if (data.status !== 'done') return <p>{data.status === 'error' ? data.error : t('common.loading')}</p>;
  const { deck, columns } = data.value;
  if (!deck) return <p role="alert">{t('role.notFound', { id: roleId })}</p>;
  return (
    <div className="role">
      <h1>{deck.title[lang]}</h1>
      <p className="muted">{deck.description[lang]}</p>
      <p>
        {t('common.cards')}: {formatNumber(cardCount(columns), lang)}
      </p>
      <p className="actions">
        <Link className="button primary big" to={`/review/${deck.id}`}>
          {t('role.practise')}
        </Link>{' '}
        <Link className="button big" to={`/roles/${deck.id}/stats`}>
          {t('stats.open')}
        </Link>{' '}
        <Link className="button big" to={`/roles/${deck.id}/mock`}>
          {t('nav.mock')}
        </Link>{' '}
        <Link className="button big" to={`/roles/${deck.id}/optimizer`}>
          {t('optimizer.open')}
        </Link>
      </p>
      <StudyMore deckId={deck.id} columns={columns} />
      <RoleSettingsForm deckId={deck.id} />
      <RetentionGuidance deckId={deck.id} columns={columns} />
      <CardsByState deckId={deck.id} columns={columns} topics={deck.topics} />
    </div>
  );
}
