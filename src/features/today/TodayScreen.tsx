import { Link } from 'react-router';
import { Counts } from '../../components/Counts';
import { useReadinessGlance } from '../../components/stats/useReadinessGlance';
import { useOverview } from '../../components/useOverview';
import { roleSettings } from '../../domain/settings/settings';
import { formatCalendarDate, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';
import { useFeatureT } from '../../components/useT';
import { todayMessages } from './messages';

export default function TodayScreen() {
  const { t, lang } = useFeatureT(todayMessages);
  const settings = useAppStore((s) => s.settings);
  // Only the roles Today lists: reading every role's queues cost the first visit a long task.
  const overview = useOverview((deck) => {
    const role = roleSettings(settings, deck.id);
    return role.enabled || !!role.interviewDate;
  });
  const shown = overview.status === 'done' ? overview.value : [];
  const glance = useReadinessGlance(shown.map((r) => r.deck.id));
  if (overview.status !== 'done')
    return <p>{overview.status === 'error' ? overview.error : t('common.loading')}</p>;
  const enabled = overview.value.filter((r) => r.enabled);
  const total = enabled.reduce(
    (sum, r) => ({
      new: sum.new + r.today.new,
      learning: sum.learning + r.today.learning,
      review: sum.review + r.today.review,
    }),
    { new: 0, learning: 0, review: 0 },
  );
  const anything = total.new + total.learning + total.review > 0;
  return (
    <div className="today">
      <h1>{t('today.title')}</h1>
      {enabled.length === 0 ? (
        <p>
          {t('today.noRoles')} <Link to="/roles">{t('today.pickRoles')}</Link>
        </p>
      ) : (
        <>
          <p className="today-summary">{t('today.dueSummary', total)}</p>
          {anything ? (
            <Link className="button primary big" to="/review">
              {t('today.start')}
            </Link>
          ) : (
            <p>{t('today.nothing')}</p>
          )}{' '}
          <Link className="button big" to="/mock">
            {t('nav.mock')}
          </Link>
          <ul className="role-list">
            {shown.map((r) => {
              const g = glance.get(r.deck.id);
              const date = roleSettings(settings, r.deck.id).interviewDate;
              const left = g?.daysLeft ?? null;
              return (
                <li key={r.deck.id} className="role-row">
                  <Link to={`/roles/${r.deck.id}`}>{r.deck.title[lang]}</Link>
                  {g && (
                    <Link className="readiness-badge" to={`/roles/${r.deck.id}/stats`}>
                      {t('today.readiness', { pct: formatPercent(g.readiness.readiness, lang) })}
                    </Link>
                  )}
                  {date && left !== null && left >= 0 && (
                    <span className="interview-on">
                      {left === 0
                        ? t('today.interviewToday')
                        : t('today.interviewIn', { date: formatCalendarDate(date, lang), n: left })}
                    </span>
                  )}
                  <Counts counts={r.today} label={r.deck.title[lang]} />
                </li>
              );
            })}
          </ul>
          <p>
            <Link to="/roles">{t('today.pickRoles')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
