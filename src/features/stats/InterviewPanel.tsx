import { useState } from 'react';
import { Meter } from '../../components/charts/Meter';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import { retentionFor, roleSettings } from '../../domain/settings/settings';
import type { Projection } from '../../domain/stats/projection';
import { parseCalendarDate } from '../../domain/time/calendarDate';
import { formatCalendarDate, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';

/** The interview date for a role, what readiness to expect on the day, and the catch-up plan. */
export function InterviewPanel({ deckId, projection }: { deckId: string; projection: Projection | null }) {
  const { t, lang } = useFeatureT(statsMessages);
  const settings = useAppStore((s) => s.settings);
  const role = roleSettings(settings, deckId);
  const update = useUpdateSettings();
  const [date, setDate] = useState(role.interviewDate ?? '');
  const setRole = (change: Partial<typeof role>) =>
    update((s) => ({ ...s, roles: { ...s.roles, [deckId]: { ...roleSettings(s, deckId), ...change } } }));
  const save = () => void setRole({ interviewDate: parseCalendarDate(date) ? date : null });
  const pct = (v: number) => formatPercent(v, lang, 1);

  return (
    <section className="panel" aria-labelledby="interview-h">
      <h2 id="interview-h">{t('stats.interview')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label>
          {t('stats.interview')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="submit">{t('stats.interviewSave')}</button>{' '}
        {role.interviewDate && (
          <button
            type="button"
            onClick={() => void setRole({ interviewDate: null, catchUp: null }).then(() => setDate(''))}
          >
            {t('stats.interviewClear')}
          </button>
        )}
      </form>
      {role.interviewDate && !projection && <p>{t('stats.interviewPast')}</p>}
      {projection && (
        <>
          <p className="big-number" data-testid="days-left">
            {projection.daysLeft === 0
              ? t('stats.interviewToday')
              : t('stats.daysLeft', { n: projection.daysLeft })}
          </p>
          <Meter label={t('stats.ifStop')} value={projection.ifStopNow} text={pct(projection.ifStopNow)} />
          <Meter
            label={t('stats.ifKeep')}
            value={projection.ifKeepGoing}
            text={pct(projection.ifKeepGoing)}
          />
          <p>
            {t('stats.reviewsAhead', {
              n: projection.reviewsAhead,
              forgotten: projection.forgottenAhead,
            })}
          </p>
          <p className="hint">
            {t('stats.projectionHint', { retention: formatPercent(retentionFor(settings, deckId), lang) })}
          </p>
          {projection.newRemaining > 0 && (
            <p>
              {t('stats.newNeeded', { remaining: projection.newRemaining, n: projection.newPerDayNeeded })}{' '}
              {t(projection.limitEnough ? 'stats.limitOk' : 'stats.limitLow', {
                limit: projection.newPerDay,
              })}
            </p>
          )}
          {role.catchUp ? (
            <p>
              {t('stats.catchUpOn', {
                n: role.catchUp.newPerDay,
                date: formatCalendarDate(role.catchUp.until, lang),
              })}{' '}
              <button onClick={() => void setRole({ catchUp: null })}>{t('stats.catchUpOff')}</button>
            </p>
          ) : (
            !projection.limitEnough &&
            role.interviewDate && (
              <button
                className="primary"
                onClick={() =>
                  void setRole({
                    catchUp: { newPerDay: projection.newPerDayNeeded, until: role.interviewDate! },
                  })
                }
              >
                {t('stats.catchUp', { n: projection.newPerDayNeeded })}
              </button>
            )
          )}
        </>
      )}
    </section>
  );
}
