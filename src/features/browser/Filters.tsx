import { memo } from 'react';
import { FLAGS } from '../../domain/cards/flags';
import { DUE, SORTS, STATES, type BrowseQuery } from '../../domain/browse/query';
import type { DeckRecord } from '../../domain/deck/records';
import type { Flag } from '../../domain/scheduling/types';
import { useFeatureT } from '../../components/useT';
import { browserMessages } from './messages';

const STATE_KEYS = {
  new: 'common.new',
  learning: 'common.learning',
  review: 'common.review',
  relearning: 'common.relearning',
} as const;

/** The browser's filters and sort, each change a new query (and a new URL); not re-rendered by typing. */
export const Filters = memo(function Filters({
  query,
  decks,
  onChange,
}: {
  query: BrowseQuery;
  decks: DeckRecord[];
  onChange: (change: Partial<BrowseQuery>) => void;
}) {
  const { t, lang } = useFeatureT(browserMessages);
  const role = decks.find((d) => d.id === query.role);
  const orNull = (v: string) => (v === '' ? null : v);
  return (
    <fieldset className="browse-filters">
      <legend>{t('browse.filters')}</legend>
      <label>
        {t('browse.role')}
        <select
          value={query.role ?? ''}
          onChange={(e) => onChange({ role: orNull(e.target.value), topic: null })}
        >
          <option value="">{t('browse.anyRole')}</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[lang]}
            </option>
          ))}
        </select>
      </label>
      {role && (
        <label>
          {t('browse.topic')}
          <select value={query.topic ?? ''} onChange={(e) => onChange({ topic: orNull(e.target.value) })}>
            <option value="">{t('browse.anyTopic')}</option>
            {Object.entries(role.topics).map(([id, name]) => (
              <option key={id} value={id}>
                {name[lang]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('browse.state')}
        <select
          value={query.state ?? ''}
          onChange={(e) => onChange({ state: orNull(e.target.value) as BrowseQuery['state'] })}
        >
          <option value="">{t('browse.anyState')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(STATE_KEYS[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('browse.flag')}
        <select
          value={query.flag ?? ''}
          onChange={(e) =>
            onChange({ flag: e.target.value === '' ? null : (Number(e.target.value) as Flag | 0) })
          }
        >
          <option value="">{t('browse.anyFlag')}</option>
          <option value="0">{t('card.flag.0')}</option>
          {FLAGS.map(([f]) => (
            <option key={f} value={f}>
              {t(`card.flag.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('browse.due')}
        <select
          value={query.due ?? ''}
          onChange={(e) => onChange({ due: orNull(e.target.value) as BrowseQuery['due'] })}
        >
          <option value="">{t('browse.anyDue')}</option>
          {DUE.map((d) => (
            <option key={d} value={d}>
              {t(d === 'today' ? 'browse.dueToday' : 'browse.overdue')}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('browse.difficulty')}
        <select
          value={query.difficulty ?? ''}
          onChange={(e) =>
            onChange({ difficulty: e.target.value === '' ? null : (Number(e.target.value) as 1 | 2 | 3) })
          }
        >
          <option value="">{t('browse.anyDifficulty')}</option>
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {t('review.difficulty', { n })}
            </option>
          ))}
        </select>
      </label>
      {(['suspended', 'buried', 'leech'] as const).map((k) => (
        <label key={k} className="toggle">
          <input type="checkbox" checked={query[k]} onChange={(e) => onChange({ [k]: e.target.checked })} />{' '}
          {t(`browse.${k}`)}
        </label>
      ))}
      <label>
        {t('browse.sort')}
        <select
          value={query.sort}
          onChange={(e) => onChange({ sort: e.target.value as BrowseQuery['sort'] })}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`browse.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toggle">
        <input type="checkbox" checked={query.desc} onChange={(e) => onChange({ desc: e.target.checked })} />{' '}
        {t('browse.desc')}
      </label>
    </fieldset>
  );
});
