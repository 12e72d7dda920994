import { useState, type FormEvent } from 'react';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useT } from '../../components/useT';
import { roleSettings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';

const inRange = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;

export function RoleSettingsForm({ deckId }: { deckId: string }) {
  const { t } = useT();
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const role = roleSettings(settings, deckId);
  const [newPerDay, setNewPerDay] = useState(String(role.newPerDay));
  const [maxReviews, setMaxReviews] = useState(String(role.maxReviewsPerDay));
  const [retention, setRetention] = useState(
    role.desiredRetention === null ? '' : String(role.desiredRetention),
  );
  const [message, setMessage] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(newPerDay);
    const m = Number(maxReviews);
    const r = retention.trim() === '' ? null : Number(retention);
    const bad = [
      !inRange(n, 0, 9999) || !Number.isInteger(n) ? t('role.newPerDay') : null,
      !inRange(m, 0, 99999) || !Number.isInteger(m) ? t('role.maxReviews') : null,
      r !== null && !inRange(r, 0.7, 0.99) ? 'retention 0.70–0.99' : null,
    ].filter(Boolean);
    if (bad.length) {
      setMessage(t('settings.invalid', { what: bad.join(', ') }));
      return;
    }
    void update((s) => ({
      ...s,
      roles: {
        ...s.roles,
        [deckId]: { ...roleSettings(s, deckId), newPerDay: n, maxReviewsPerDay: m, desiredRetention: r },
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
      <button type="submit">{t('common.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
