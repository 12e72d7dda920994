import '../../components/flags.css';
import './cardMenu.css';
import { useRef } from 'react';
import { FLAGS, flagColour } from '../../domain/cards/flags';
import type { Flag } from '../../domain/scheduling/types';
import { FlagMark } from '../../components/FlagMark';
import { useT } from '../../components/useT';

interface Props {
  flag: Flag | undefined;
  leech: boolean;
  onBury: () => void;
  onSuspend: () => void;
  onFlag: (flag: Flag | 0) => void;
  onEditNote: () => void;
}

/** The card on screen: its flag and leech mark, and a small menu of what the keys also do. */
export function CardMenu({ flag, leech, onBury, onSuspend, onFlag, onEditNote }: Props) {
  const { t } = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  const run = (action: () => void) => () => {
    menu.current?.removeAttribute('open');
    action();
  };
  return (
    <div className="card-menu-bar">
      <FlagMark flag={flag} />
      {leech && <span className="tag tag-leech">{t('card.leech')}</span>}
      <details className="card-menu" ref={menu}>
        <summary>{t('card.actions')}</summary>
        <ul>
          <li>
            <button onClick={run(onBury)}>
              {t('card.bury')} <kbd>-</kbd>
            </button>
          </li>
          <li>
            <button onClick={run(onSuspend)}>
              {t('card.suspend')} <kbd>@</kbd>
            </button>
          </li>
          <li>
            <button onClick={run(onEditNote)}>
              {t('card.editNote')} <kbd>N</kbd>
            </button>
          </li>
          {([0, ...FLAGS.map(([f]) => f)] as (Flag | 0)[]).map((f) => (
            <li key={f}>
              <button onClick={run(() => onFlag(f))} aria-pressed={(flag ?? 0) === f}>
                {f ? (
                  <span className={`flag flag-${flagColour(f)}`} aria-hidden="true">
                    ⚑
                  </span>
                ) : null}{' '}
                {t(`card.flag.${f}`)}
                {f ? <kbd>Ctrl+{f}</kbd> : null}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
