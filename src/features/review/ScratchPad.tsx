import { useT } from '../../components/useT';

/**
 * Somewhere to draft an answer before revealing, for those who think by typing. Never stored:
 * it lives in the DOM only and is gone with the card. Escape hands the keys back to the review.
 */
export function ScratchPad() {
  const { t } = useT();
  return (
    <details className="scratch">
      <summary>{t('review.scratch')}</summary>
      <textarea
        aria-label={t('review.scratch')}
        rows={4}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
    </details>
  );
}
