import { Link } from 'react-router';
import { useFeatureT } from '../../components/useT';
import { roleOrder } from '../../domain/roles';
import { roleSettings } from '../../domain/settings/settings';
import type { StatsReport } from '../../domain/stats/report';
import { daysLeft } from '../../domain/time/calendarDate';
import { formatPercent } from '../../i18n/format';
import type { DeckRecord } from '../../domain/deck/records';
import { useAppStore } from '../../state/appStore';
import { statsMessages } from './messages';

const rank = (id: string) => {
  const i = (roleOrder as readonly string[]).indexOf(id);
  return i === -1 ? roleOrder.length : i;
};

interface Props {
  roles: StatsReport['roles'];
  now: number;
  /** Every role's deck, read by the screen beside the summary (not after it, as a second wait). */
  decks: readonly DeckRecord[];
}

/** Every role's readiness and coverage, side by side (from the overall report). */
export function RolesReadiness({ roles, now, decks }: Props) {
  const { t, lang } = useFeatureT(statsMessages);
  const settings = useAppStore((s) => s.settings);
  const byId = new Map(roles.map((r) => [r.deckId, r.readiness]));
  const rows = [...decks].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return (
    <section className="panel" aria-labelledby="roles-h">
      <h2 id="roles-h">{t('stats.roles')}</h2>
      <table className="roles-readiness">
        <thead>
          <tr>
            <th scope="col">{t('nav.roles')}</th>
            <th scope="col" title={t('stats.readiness')}>
              {t('stats.rolesReadiness')}
            </th>
            <th scope="col" title={t('stats.coverage')}>
              {t('stats.rolesCoverage')}
            </th>
            <th scope="col" title={t('stats.interview')}>
              {t('stats.rolesInterview')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((deck) => {
            const r = byId.get(deck.id);
            const date = roleSettings(settings, deck.id).interviewDate;
            const left = date ? daysLeft(date, now, settings.rolloverHour) : null;
            return (
              <tr key={deck.id}>
                <th scope="row">
                  <Link to={`/roles/${deck.id}/stats`}>{deck.title[lang]}</Link>
                </th>
                <td>{r ? formatPercent(r.readiness, lang, 1) : '—'}</td>
                <td>{r ? formatPercent(r.coverage, lang) : '—'}</td>
                <td>{left === null || left < 0 ? '—' : t('stats.daysLeft', { n: left })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
