import { useCallback, useEffect, useState } from 'react';
import { useT } from '../components/useT';
import type { ShortcutsDialog } from './ShortcutsDialog';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * `?` (or the header's button) opens the list of keyboard shortcuts; Esc closes it. The list's
 * code loads when it is first asked for: no first screen shows it.
 */
export function ShortcutsSheet() {
  const { t } = useT();
  const [sheet, setSheet] = useState<{ Dialog: typeof ShortcutsDialog; opened: number } | null>(null);
  const open = useCallback(
    () =>
      void import('./ShortcutsDialog').then(({ ShortcutsDialog: Dialog }) =>
        setSheet((s) => ({ Dialog, opened: (s?.opened ?? 0) + 1 })),
      ),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || typing(e.target)) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-label={t('shortcuts.open')}
        title={t('shortcuts.open')}
        onClick={open}
      >
        <kbd>?</kbd>
      </button>
      {sheet && <sheet.Dialog opened={sheet.opened} />}
    </>
  );
}
