import { Link } from 'react-router';
import { Counts } from '../../components/Counts';
import { useOverview } from '../../components/useOverview';
import { useReadinessGlance } from '../../components/stats/useReadinessGlance';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useT } from '../../components/useT';
import { roleSettings } from '../../domain/settings/settings';
import type { RoleCounts } from '../../domain/stats/roleCounts';
import { formatCalendarDate } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';

/** The role's size and what is due now: not to be confused with today's queue, which has limits. */
function CardCounts({ counts }: { counts: RoleCounts | undefined }) {
  const { t } = useT();
  if (!counts) return null;
  return (
    <p>
      {t('roles.cardCount', { n: counts.total })} ·{' '}
      {t('roles.dueNow', { n: counts.dueToday + counts.learning })}
    </p>
  );
}

export default function RolesScreen() {
  const { t, lang } = useT();
  const overview = useOverview();
  // Card counts come from the stats worker's snapshots; they fill in after the roles show.
  const glance = useReadinessGlance(overview.status === 'done' ? overview.value.map((r) => r.deck.id) : []);
  const update = useUpdateSettings();
  const settings = useAppStore((s) => s.settings);
  const setEnabled = (deckId: string, enabled: boolean) =>
    void update((s) => ({ ...s, roles: { ...s.roles, [deckId]: { ...roleSettings(s, deckId), enabled } } }));

  if (overview.status !== 'done')
    return <p>{overview.status === 'error' ? overview.error : t('common.loading')}</p>;
  return (
    <div className="roles">
      <h1>{t('roles.title')}</h1>
      <p>{t('roles.intro')}</p>
      <ul className="role-cards">
        {overview.value.map((r) => (
          <li key={r.deck.id} className="role-card">
            <h2>
              <Link to={`/roles/${r.deck.id}`}>{r.deck.title[lang]}</Link>
            </h2>
            <p className="muted">{r.deck.description[lang]}</p>
            <CardCounts counts={glance.get(r.deck.id)?.counts} />
            {roleSettings(settings, r.deck.id).interviewDate && (
              <p className="interview-on">
                {t('common.interviewOn', {
                  date: formatCalendarDate(roleSettings(settings, r.deck.id).interviewDate!, lang),
                })}
              </p>
            )}
            <p className="role-today">
              {t('roles.todayQueue')} <Counts counts={r.today} label={r.deck.title[lang]} />
            </p>
            <label className="toggle">
              <input
                type="checkbox"
                checked={r.enabled}
                onChange={(e) => setEnabled(r.deck.id, e.target.checked)}
                aria-label={`${t('roles.inDaily')}: ${r.deck.title[lang]}`}
              />{' '}
              {t('roles.inDaily')}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
