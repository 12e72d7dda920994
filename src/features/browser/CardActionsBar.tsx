import { useState } from 'react';
import { Link } from 'react-router';
import { FLAGS } from '../../domain/cards/flags';
import type { Flag, SchedState } from '../../domain/scheduling/types';
import { useFeatureT } from '../../components/useT';
import { browserMessages } from './messages';

interface Props {
  state: SchedState;
  onSuspend: (suspend: boolean) => void;
  onBury: () => void;
  onFlag: (flag: Flag | 0) => void;
  onReset: () => void;
  onUndo: (() => void) | null;
}

/** The card page's actions: suspend, bury, flag, reset (confirmed), practise now, undo. */
export function CardActionsBar({ state, onSuspend, onBury, onFlag, onReset, onUndo }: Props) {
  const { t } = useFeatureT(browserMessages);
  const [confirming, setConfirming] = useState(false);
  const suspended = state.hidden === 'suspended';
  return (
    <section className="actions" aria-label={t('cardPage.actions')}>
      <Link className="button primary" to={`/review/${state.deckId}?cards=${state.cardId}`}>
        {t('card.practise')}
      </Link>
      <button onClick={() => onSuspend(!suspended)}>
        {t(suspended ? 'card.unsuspend' : 'card.suspend')}
      </button>
      <button onClick={onBury} disabled={state.hidden !== null}>
        {t('card.bury')}
      </button>
      <label>
        {t('card.flag')}{' '}
        <select value={state.flag ?? 0} onChange={(e) => onFlag(Number(e.target.value) as Flag | 0)}>
          <option value={0}>{t('card.flag.0')}</option>
          {FLAGS.map(([f]) => (
            <option key={f} value={f}>
              {t(`card.flag.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <span role="alertdialog" aria-label={t('card.reset')}>
          {t('browse.resetConfirm', { n: 1 })}{' '}
          <button
            className="danger"
            onClick={() => {
              setConfirming(false);
              onReset();
            }}
          >
            {t('card.reset')}
          </button>
          <button onClick={() => setConfirming(false)}>{t('card.cancel')}</button>
        </span>
      ) : (
        <button onClick={() => setConfirming(true)}>{t('card.reset')}</button>
      )}
      {onUndo && <button onClick={onUndo}>{t('browse.undo')}</button>}
    </section>
  );
}
