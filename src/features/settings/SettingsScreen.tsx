import { useState, type FormEvent } from 'react';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useT } from '../../components/useT';
import { isStep, type Settings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { StorageStatus } from './StorageStatus';

const parseSteps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Checks the form; returns the new settings or the names of the fields that are wrong. */
function readForm(form: Record<string, string>, current: Settings): Settings | string[] {
  const rollover = Number(form.rollover);
  const retention = Number(form.retention);
  const maxInterval = Number(form.maxInterval);
  const learning = parseSteps(form.learning ?? '');
  const relearning = parseSteps(form.relearning ?? '');
  const bad: string[] = [];
  if (!Number.isInteger(rollover) || rollover < 0 || rollover > 23) bad.push('rollover 0–23');
  if (!(retention >= 0.7 && retention <= 0.99)) bad.push('retention 0.70–0.99');
  if (!Number.isInteger(maxInterval) || maxInterval < 1 || maxInterval > 36500)
    bad.push('max interval 1–36500');
  if (!learning.every(isStep)) bad.push('learning steps');
  if (!relearning.every(isStep)) bad.push('relearning steps');
  if (bad.length) return bad;
  return {
    ...current,
    rolloverHour: rollover,
    desiredRetention: retention,
    maximumInterval: maxInterval,
    learningSteps: learning.filter(isStep),
    relearningSteps: relearning.filter(isStep),
  };
}

export default function SettingsScreen() {
  const { t, lang } = useT();
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const [form, setForm] = useState<Record<string, string>>({
    rollover: String(settings.rolloverHour),
    retention: String(settings.desiredRetention),
    maxInterval: String(settings.maximumInterval),
    learning: settings.learningSteps.join(' '),
    relearning: settings.relearningSteps.join(' '),
  });
  const [message, setMessage] = useState<string | null>(null);
  const field = (name: string) => ({
    value: form[name] ?? '',
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = readForm(form, settings);
    if (Array.isArray(next)) return setMessage(t('settings.invalid', { what: next.join(', ') }));
    void update(() => next).then(() => setMessage(t('common.saved')));
  };

  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <label>
        {t('settings.language')}
        <select
          value={lang}
          onChange={(e) => void update((s) => ({ ...s, language: e.target.value as 'en' | 'zh' }))}
        >
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.showBothLanguages}
          onChange={(e) => void update((s) => ({ ...s, showBothLanguages: e.target.checked }))}
        />{' '}
        {t('settings.showBoth')}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.fuzz}
          onChange={(e) => void update((s) => ({ ...s, fuzz: e.target.checked }))}
        />{' '}
        {t('settings.fuzz')}
      </label>
      <form className="settings-form" onSubmit={submit}>
        <label>
          {t('settings.retention')} <small className="muted">{t('settings.retentionHint')}</small>
          <input inputMode="decimal" {...field('retention')} />
        </label>
        <label>
          {t('settings.rollover')}
          <input inputMode="numeric" {...field('rollover')} />
        </label>
        <label>
          {t('settings.learningSteps')} <small className="muted">{t('settings.stepsHint')}</small>
          <input {...field('learning')} />
        </label>
        <label>
          {t('settings.relearningSteps')}
          <input {...field('relearning')} />
        </label>
        <label>
          {t('settings.maxInterval')}
          <input inputMode="numeric" {...field('maxInterval')} />
        </label>
        <button type="submit">{t('common.save')}</button>
        {message && <p role="status">{message}</p>}
      </form>
      <StorageStatus />
    </div>
  );
}
