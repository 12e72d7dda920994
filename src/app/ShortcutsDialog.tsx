import { useEffect, useRef } from 'react';
import { useFeatureT } from '../components/useT';
import { shortcutsMessages, type ShortcutsMessageKey } from './shortcutsMessages';

const review: [string[], ShortcutsMessageKey][] = [
  [['Space'], 'shortcuts.reveal'],
  [['Enter'], 'shortcuts.accept'],
  [['1', '2', '3', '4'], 'shortcuts.rate'],
  [['Q', 'W', 'E', 'R', 'T'], 'shortcuts.tick'],
  [['A'], 'shortcuts.answer'],
  [['U', 'Ctrl+Z'], 'shortcuts.undo'],
  [['-'], 'shortcuts.bury'],
  [['@'], 'shortcuts.suspend'],
  [['Ctrl+1…7'], 'shortcuts.flag'],
  [['N'], 'shortcuts.note'],
];
const anywhere: [string[], ShortcutsMessageKey][] = [
  [['?'], 'shortcuts.help'],
  [['/'], 'shortcuts.search'],
  [['Esc'], 'shortcuts.closeKey'],
];

/**
 * The list of keyboard shortcuts, opened as a modal each time `opened` grows; Esc, its button or a
 * click beside it closes it. Loaded the first time it is asked for (see ShortcutsSheet).
 */
export function ShortcutsDialog({ opened }: { opened: number }) {
  const { t } = useFeatureT(shortcutsMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (opened > 0 && !dialog.current?.open) dialog.current?.showModal();
  }, [opened]);
  const list = (rows: [string[], ShortcutsMessageKey][]) => (
    <dl className="shortcuts">
      {rows.map(([keys, label]) => (
        <div key={label}>
          <dt>
            {keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </dt>
          <dd>{t(label)}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <dialog
      ref={dialog}
      className="shortcuts-sheet"
      aria-labelledby="shortcuts-h"
      // While the list is open, keys are for it: they do not rate or reveal the card beneath.
      onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}
      onClick={(e) => e.target === e.currentTarget && e.currentTarget.close()}
    >
      <h2 id="shortcuts-h">{t('shortcuts.title')}</h2>
      <h3>{t('shortcuts.review')}</h3>
      {list(review)}
      <h3>{t('shortcuts.anywhere')}</h3>
      {list(anywhere)}
      <form method="dialog">
        <button type="submit">{t('shortcuts.close')}</button>
      </form>
    </dialog>
  );
}
