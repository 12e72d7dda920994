import { useState, type FormEvent } from 'react';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useFeatureT } from '../../components/useT';
import { roleMessages } from './messages';
import { BOUNDS, inBounds, isWholeInBounds } from '../../domain/settings/bounds';
import { roleSettings } from '../../domain/settings/settings';
import { daysLeft } from '../../domain/time/calendarDate';
import { useAppStore } from '../../state/appStore';

export function RoleSettingsForm({ deckId }: { deckId: string }) {
  const { t } = useFeatureT(roleMessages);
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const role = roleSettings(settings, deckId);
  const [newPerDay, setNewPerDay] = useState(String(role.newPerDay));
  const [maxReviews, setMaxReviews] = useState(String(role.maxReviewsPerDay));
  const [retention, setRetention] = useState(
    role.desiredRetention === null ? '' : String(role.desiredRetention),
  );
  const [interview, setInterview] = useState(role.interviewDate ?? '');
  const [message, setMessage] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(newPerDay);
    const m = Number(maxReviews);
    const r = retention.trim() === '' ? null : Number(retention);
    const range = ({ min, max }: { min: number; max: number }) => `${min}–${max}`;
    const bad = [
      isWholeInBounds(n, BOUNDS.newPerDay) ? null : `${t('role.newPerDay')} (${range(BOUNDS.newPerDay)})`,
      isWholeInBounds(m, BOUNDS.maxReviewsPerDay)
        ? null
        : `${t('role.maxReviews')} (${range(BOUNDS.maxReviewsPerDay)})`,
      r !== null && !inBounds(r, BOUNDS.desiredRetention) ? `${t('settings.retention')} (0.70–0.99)` : null,
      interview === '' || (daysLeft(interview, Date.now(), settings.rolloverHour) ?? -1) >= 0
        ? null
        : t('role.interviewBad'),
    ].filter(Boolean);
    const interviewDate = interview === '' ? null : interview;
    if (bad.length) {
      setMessage(t('settings.invalid', { what: bad.join(', ') }));
      return;
    }
    void update((s) => ({
      ...s,
      roles: {
        ...s.roles,
        [deckId]: {
          ...roleSettings(s, deckId),
          newPerDay: n,
          maxReviewsPerDay: m,
          desiredRetention: r,
          interviewDate,
          // A catch-up plan runs to the interview: a new date needs a new plan.
          catchUp:
            interviewDate === roleSettings(s, deckId).interviewDate ? roleSettings(s, deckId).catchUp : null,
        },
      },
    })).then(() => setMessage(t('common.saved')));
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label={t('role.settings')}>
      <h2>{t('role.settings')}</h2>
      <label className="toggle">
        <input
          type="checkbox"
          checked={role.enabled}
          onChange={(e) =>
            void update((s) => ({
              ...s,
              roles: { ...s.roles, [deckId]: { ...roleSettings(s, deckId), enabled: e.target.checked } },
            }))
          }
        />{' '}
        {t('role.enabled')}
      </label>
      <label>
        {t('role.newPerDay')}
        <input inputMode="numeric" value={newPerDay} onChange={(e) => setNewPerDay(e.target.value)} />
      </label>
      <label>
        {t('role.maxReviews')}
        <input inputMode="numeric" value={maxReviews} onChange={(e) => setMaxReviews(e.target.value)} />
      </label>
      <label>
        {t('role.retention', { value: settings.desiredRetention })}
        <input inputMode="decimal" value={retention} onChange={(e) => setRetention(e.target.value)} />
      </label>
      <label>
        {t('role.interviewDate')}
        <input
          type="date"
          value={interview}
          onChange={(e) => setInterview(e.target.value)}
          aria-describedby={`${deckId}-interview-hint`}
        />
      </label>
      <p className="hint" id={`${deckId}-interview-hint`}>
        {t('role.interviewHint')}
      </p>
      <button type="submit">{t('common.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
