import { useState } from 'react';
import type { DeckRecord } from '../../domain/deck/records';
import { DEFAULT_QUESTIONS } from '../../domain/mock/mockInterview';
import type { SetupChoice } from './useMockSession';
import type { MockMessageKey } from './messages';

export interface SetupOptions extends SetupChoice {
  sound: boolean;
  record: boolean;
}

/** Choosing the roles, the number of questions and the time per answer. */
export function MockSetup({
  decks,
  preselected,
  countAsReviews,
  lang,
  t,
  onStart,
  problem,
}: {
  decks: DeckRecord[];
  preselected: string[];
  countAsReviews: boolean;
  lang: 'en' | 'zh';
  t: (key: MockMessageKey) => string;
  onStart: (options: SetupOptions) => void;
  problem: MockMessageKey | null;
}) {
  const [roles, setRoles] = useState<string[]>(preselected);
  const [count, setCount] = useState(String(DEFAULT_QUESTIONS));
  const [minutes, setMinutes] = useState('2');
  const [sound, setSound] = useState(true);
  const [record, setRecord] = useState(false);
  const [asReviews, setAsReviews] = useState(countAsReviews);
  const toggle = (id: string) => setRoles((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]));
  return (
    <form
      className="mock-setup"
      onSubmit={(e) => {
        e.preventDefault();
        onStart({
          roles,
          count: clamp(count, 1, 20),
          minutes: clamp(minutes, 1, 10),
          seed: Date.now() % 2_147_483_647,
          sound,
          record,
          countAsReviews: asReviews,
        });
      }}
    >
      <p>{t('mock.intro')}</p>
      <fieldset>
        <legend>{t('mock.roles')}</legend>
        {decks.map((d) => (
          <label key={d.id} className="toggle">
            <input type="checkbox" checked={roles.includes(d.id)} onChange={() => toggle(d.id)} />{' '}
            {d.title[lang]}
          </label>
        ))}
      </fieldset>
      <label>
        {t('mock.count')}{' '}
        <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(e.target.value)} />
      </label>
      <label>
        {t('mock.minutes')}{' '}
        <input type="number" min={1} max={10} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <span className="hint"> {t('mock.minutesHint')}</span>
      </label>
      <label className="toggle">
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> {t('mock.cue')}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} />{' '}
        {t('mock.record')}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={asReviews} onChange={(e) => setAsReviews(e.target.checked)} />{' '}
        {t('mock.countAsReviews')}
      </label>
      {problem && <p role="alert">{t(problem)}</p>}
      <button type="submit" className="primary big" disabled={roles.length === 0}>
        {t('mock.start')}
      </button>
    </form>
  );
}

const clamp = (v: string, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number(v) || lo)));
