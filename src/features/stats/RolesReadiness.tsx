import { Link } from 'react-router';
import { useDb } from '../../components/DbContext';
import { requestStats } from '../../components/stats/statsClient';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import { roleOrder } from '../../domain/roles';
import { roleSettings } from '../../domain/settings/settings';
import { formatPercent } from '../../i18n/format';
import { listDecks } from '../../storage/decks';
import { useAppStore } from '../../state/appStore';

/** Every role's readiness and coverage, side by side. */
export function RolesReadiness() {
  const { t, lang } = useFeatureT(statsMessages);
  const db = useDb();
  const settings = useAppStore((s) => s.settings);
  const data = useAsync(async () => {
    const decks = (await listDecks(db)).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
    const roles = decks.map((d) => ({
      deckId: d.id,
      interviewDate: roleSettings(settings, d.id).interviewDate,
    }));
    const glance = await requestStats(db, {
      kind: 'overview',
      now: Date.now(),
      rolloverHour: settings.rolloverHour,
      roles,
    });
    return decks.map((deck, i) => ({ deck, glance: glance[i]! }));
  }, [db, settings]);
  if (data.status !== 'done') return null;
  return (
    <section className="panel" aria-labelledby="roles-h">
      <h2 id="roles-h">{t('stats.roles')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('nav.roles')}</th>
            <th scope="col">{t('stats.readiness')}</th>
            <th scope="col">{t('stats.coverage')}</th>
            <th scope="col">{t('stats.interview')}</th>
          </tr>
        </thead>
        <tbody>
          {data.value.map(({ deck, glance }) => (
            <tr key={deck.id}>
              <th scope="row">
                <Link to={`/roles/${deck.id}/stats`}>{deck.title[lang]}</Link>
              </th>
              <td>{formatPercent(glance.readiness.readiness, lang, 1)}</td>
              <td>{formatPercent(glance.readiness.coverage, lang)}</td>
              <td>{glance.daysLeft === null ? '—' : t('stats.daysLeft', { n: glance.daysLeft })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const rank = (id: string) => {
  const i = (roleOrder as readonly string[]).indexOf(id);
  return i === -1 ? roleOrder.length : i;
};
