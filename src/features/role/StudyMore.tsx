import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useFeatureT } from '../../components/useT';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { BOUNDS, isWholeInBounds } from '../../domain/settings/bounds';
import { dailyNewPerDay, roleSettings } from '../../domain/settings/settings';
import { studyMoreToday, withStudyMore } from '../../domain/settings/studyMore';
import { endOfReviewDay } from '../../domain/time/reviewDay';
import { useAppStore } from '../../state/appStore';
import type { RoleColumns } from '../../storage/roleCards';
import { roleMessages } from './messages';
import { dueToday } from './stateGroups';

/** More new cards for today only, and review ahead once nothing is due: the daily limit stays as it is. */
export function StudyMore({ deckId, columns }: { deckId: string; columns: RoleColumns }) {
  const { t } = useFeatureT(roleMessages);
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const [count, setCount] = useState('10');
  const [message, setMessage] = useState<string | null>(null);
  // The day the screen opened on: enough for a screen nobody keeps open across a rollover.
  const [now] = useState(() => Date.now());
  const role = roleSettings(settings, deckId);
  const daily = dailyNewPerDay(role, now, settings.rolloverHour);
  const extra = studyMoreToday(role, now, settings.rolloverHour);
  const limit = daily + extra;
  const { due, reviewed } = dueToday(columns, endOfReviewDay(now, settings.rolloverHour));
  const n = Number(count);
  const valid = isWholeInBounds(n, { min: 1, max: BOUNDS.newPerDay.max });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) {
      setMessage(t('settings.invalid', { what: t('role.studyMoreBad', { max: BOUNDS.newPerDay.max }) }));
      return;
    }
    const at = Date.now();
    void update((s) => ({
      ...s,
      roles: { ...s.roles, [deckId]: withStudyMore(roleSettings(s, deckId), n, at, s.rolloverHour) },
    })).then(() => setMessage(t('role.studyMoreDone', { n })));
  };

  return (
    <form className="settings-form study-more" onSubmit={submit} aria-label={t('role.studyMore')}>
      <h2>{t('role.studyMore')}</h2>
      <p>
        {extra > 0
          ? t('role.studyMoreExtra', { n: limit, daily, extra })
          : t('role.studyMoreLimit', { n: limit, daily })}
      </p>
      <label>
        {t('role.studyMoreCount')}
        <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
      </label>
      <button type="submit">{t('role.studyMoreAdd', { n: valid ? n : 0 })}</button>
      {message && <p role="status">{message}</p>}
      {due === 0 && reviewed > 0 ? (
        <p>
          <Link className="button" to={`/review/${deckId}?ahead=1`}>
            {t('role.ahead')}
          </Link>{' '}
          <span className="hint">{t('role.aheadHint')}</span>
        </p>
      ) : (
        <p className="hint">{due > 0 ? t('role.aheadLater', { n: due }) : t('role.aheadNone')}</p>
      )}
    </form>
  );
}
