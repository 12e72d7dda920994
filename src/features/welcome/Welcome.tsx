import { useState, type FormEvent } from 'react';
import bundledTitles from 'virtual:deck-titles';
import { useNavigate } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useFeatureT } from '../../components/useT';
import { roleSettings } from '../../domain/settings/settings';
import { daysLeft } from '../../domain/time/calendarDate';
import { listDecks } from '../../storage/decks';
import { useAppStore } from '../../state/appStore';
import { welcomeMessages } from './messages';
import { welcomeRoles } from './welcomeRoles';

/** An interview date before today (empty is fine: the date is optional). */
function hasPassed(date: string | undefined, rolloverHour: number): boolean {
  return !!date && (daysLeft(date, Date.now(), rolloverHour) ?? -1) < 0;
}

/**
 * The first visit: which roles, and when each interview is (optional). Sets both and starts the
 * first review; `onDone` is called once the choice is saved, or skipped.
 */
export default function Welcome({ onDone }: { onDone: () => void }) {
  const { t, lang } = useFeatureT(welcomeMessages);
  const db = useDb();
  const stored = useAsync(() => listDecks(db), [db]);
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [dates, setDates] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const decks = welcomeRoles(bundledTitles, stored.status === 'done' ? stored.value : []);
  const isChosen = (id: string) => chosen[id] ?? roleSettings(settings, id).enabled;

  const start = (e: FormEvent) => {
    e.preventDefault();
    const roles = decks.filter((d) => isChosen(d.id));
    if (roles.length === 0) return setProblem(t('welcome.noRole'));
    const past = roles.find((d) => hasPassed(dates[d.id], settings.rolloverHour));
    if (past) return setProblem(t('welcome.badDate', { role: past.title[lang] }));
    void update((s) => ({
      ...s,
      roles: Object.fromEntries(
        decks.map((d) => [
          d.id,
          {
            ...roleSettings(s, d.id),
            enabled: isChosen(d.id),
            interviewDate: isChosen(d.id) ? dates[d.id] || null : null,
          },
        ]),
      ),
    })).then(
      () => {
        onDone();
        void navigate('/review');
      },
      (error: unknown) => setProblem(String(error)),
    );
  };

  return (
    <section className="welcome panel" aria-labelledby="welcome-h">
      <h1 id="welcome-h">{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <form onSubmit={start}>
        <fieldset>
          <legend>{t('welcome.roles')}</legend>
          <ul className="welcome-roles">
            {decks.map((d) => (
              <li key={d.id}>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={isChosen(d.id)}
                    onChange={(e) => setChosen((c) => ({ ...c, [d.id]: e.target.checked }))}
                  />{' '}
                  {d.title[lang]}
                </label>
                {isChosen(d.id) && (
                  <label className="welcome-date">
                    {t('welcome.date', { role: d.title[lang] })}
                    <input
                      type="date"
                      value={dates[d.id] ?? ''}
                      onChange={(e) => setDates((x) => ({ ...x, [d.id]: e.target.value }))}
                    />
                  </label>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
        {problem && (
          <p role="alert" className="banner banner-error">
            {problem}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="primary big">
            {t('welcome.start')}
          </button>{' '}
          <button type="button" onClick={onDone}>
            {t('welcome.skip')}
          </button>
        </p>
        <p className="hint">{t('welcome.later')}</p>
      </form>
    </section>
  );
}
