import { useState } from 'react';
import { FLAGS } from '../../domain/cards/flags';
import type { Flag } from '../../domain/scheduling/types';
import { useFeatureT } from '../../components/useT';
import { browserMessages } from './messages';
import type { BatchStatus } from './useBatch';

interface Props {
  count: number;
  onSuspend: () => void;
  onUnsuspend: () => void;
  onFlag: (flag: Flag | 0) => void;
  onReset: () => void;
  onClear: () => void;
  onUndo: () => void;
  canUndo: boolean;
  status: BatchStatus | null;
}

/** What can be done to the selected cards at once, each in one transaction, and undone. */
export function BatchBar(p: Props) {
  const { t } = useFeatureT(browserMessages);
  const [confirming, setConfirming] = useState(false);
  const status =
    p.status?.kind === 'done'
      ? t('browse.done', { n: p.status.n })
      : p.status?.kind === 'undone'
        ? t('browse.undone')
        : p.status?.kind === 'changed'
          ? t('browse.changedSince')
          : p.status?.kind === 'failed'
            ? t('browse.failed', { reason: p.status.reason })
            : '';
  return (
    <div className="batch-bar" role="toolbar" aria-label={t('browse.selected', { n: p.count })}>
      <span>{t('browse.selected', { n: p.count })}</span>
      <button disabled={p.count === 0} onClick={p.onSuspend}>
        {t('browse.suspend')}
      </button>
      <button disabled={p.count === 0} onClick={p.onUnsuspend}>
        {t('browse.unsuspend')}
      </button>
      <select
        aria-label={t('browse.flagAs')}
        disabled={p.count === 0}
        value=""
        onChange={(e) => e.target.value !== '' && p.onFlag(Number(e.target.value) as Flag | 0)}
      >
        <option value="">{t('browse.flagAs')}</option>
        <option value="0">{t('card.flag.0')}</option>
        {FLAGS.map(([f]) => (
          <option key={f} value={f}>
            {t(`card.flag.${f}`)}
          </option>
        ))}
      </select>
      {confirming ? (
        <span role="alertdialog" aria-label={t('browse.reset')}>
          {t('browse.resetConfirm', { n: p.count })}{' '}
          <button
            className="danger"
            onClick={() => {
              setConfirming(false);
              p.onReset();
            }}
          >
            {t('browse.reset')}
          </button>
          <button onClick={() => setConfirming(false)}>{t('card.cancel')}</button>
        </span>
      ) : (
        <button disabled={p.count === 0} onClick={() => setConfirming(true)}>
          {t('browse.reset')}
        </button>
      )}
      <button disabled={p.count === 0} onClick={p.onClear}>
        {t('browse.selectNone')}
      </button>
      <button disabled={!p.canUndo} onClick={p.onUndo}>
        {t('browse.undo')}
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
