import { useState, type FormEvent } from 'react';
import { useUpdateSettings } from '../../components/useSettingsActions';
import { useFeatureT } from '../../components/useT';
import { settingsMessages } from './messages';
import { BOUNDS, isStepList, isWholeInBounds, inBounds } from '../../domain/settings/bounds';
import type { Settings } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { StorageStatus } from './StorageStatus';
import { SyncSection } from './SyncSection';

const parseSteps = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const range = ({ min, max }: { min: number; max: number }) => `${min}–${max}`;

type Label =
  | 'settings.rollover'
  | 'settings.retention'
  | 'settings.maxInterval'
  | 'settings.learningSteps'
  | 'settings.relearningSteps'
  | 'settings.leechThreshold';

/** Checks the form against the settings' bounds; returns the new settings or what is wrong, with its range. */
function readForm(form: Record<string, string>, current: Settings): Settings | [Label, string][] {
  const rollover = Number(form.rollover);
  const retention = Number(form.retention);
  const maxInterval = Number(form.maxInterval);
  const learning = parseSteps(form.learning ?? '');
  const relearning = parseSteps(form.relearning ?? '');
  const leechThreshold = Number(form.leech);
  const steps = `1m–1d, ≤ ${BOUNDS.steps.max}`;
  const bad: [Label, string][] = [];
  if (!isWholeInBounds(rollover, BOUNDS.rolloverHour))
    bad.push(['settings.rollover', range(BOUNDS.rolloverHour)]);
  if (!inBounds(retention, BOUNDS.desiredRetention)) bad.push(['settings.retention', '0.70–0.99']);
  if (!isWholeInBounds(maxInterval, BOUNDS.maximumInterval))
    bad.push(['settings.maxInterval', range(BOUNDS.maximumInterval)]);
  if (!isStepList(learning)) bad.push(['settings.learningSteps', steps]);
  if (!isStepList(relearning)) bad.push(['settings.relearningSteps', steps]);
  if (!isWholeInBounds(leechThreshold, BOUNDS.leechThreshold))
    bad.push(['settings.leechThreshold', range(BOUNDS.leechThreshold)]);
  if (bad.length || !isStepList(learning) || !isStepList(relearning)) return bad;
  return {
    ...current,
    rolloverHour: rollover,
    desiredRetention: retention,
    maximumInterval: maxInterval,
    learningSteps: learning,
    relearningSteps: relearning,
    leechThreshold,
  };
}

export default function SettingsScreen() {
  const { t, lang } = useFeatureT(settingsMessages);
  const settings = useAppStore((s) => s.settings);
  const update = useUpdateSettings();
  const [form, setForm] = useState<Record<string, string>>({
    rollover: String(settings.rolloverHour),
    retention: String(settings.desiredRetention),
    maxInterval: String(settings.maximumInterval),
    learning: settings.learningSteps.join(' '),
    relearning: settings.relearningSteps.join(' '),
    leech: String(settings.leechThreshold),
  });
  const [message, setMessage] = useState<string | null>(null);
  const field = (name: string) => ({
    value: form[name] ?? '',
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = readForm(form, settings);
    if (Array.isArray(next))
      return setMessage(
        t('settings.invalid', { what: next.map(([label, r]) => `${t(label)} (${r})`).join(', ') }),
      );
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
      <label className="toggle">
        <input
          type="checkbox"
          checked={settings.suspendLeeches}
          onChange={(e) => void update((s) => ({ ...s, suspendLeeches: e.target.checked }))}
        />{' '}
        {t('settings.suspendLeeches')}
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
        <label>
          {t('settings.leechThreshold')}
          <input inputMode="numeric" {...field('leech')} />
        </label>
        <button type="submit">{t('common.save')}</button>
        {message && <p role="status">{message}</p>}
      </form>
      <p>
        <a href="/optimizer">{t('optimizer.open')}</a>
      </p>
      <SyncSection />
      <StorageStatus />
    </div>
  );
}
