import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import { formatNumber } from '../../i18n/format';

interface Props {
  running: boolean;
  done: number;
  total: number;
  label: string;
  onCancel?: () => void;
}

/** A progress bar with counts; indeterminate until the total is known. */
export function JobProgress({ running, done, total, label, onCancel }: Props) {
  const { t, lang } = useFeatureT(dataMessages);
  if (!running) return null;
  return (
    <div className="job-progress" role="status">
      <label>
        {label}
        {total > 0 ? <progress value={done} max={total} /> : <progress />}
      </label>
      {total > 0 && (
        <span className="muted">
          {t('data.progress', { done: formatNumber(done, lang), total: formatNumber(total, lang) })}
        </span>
      )}
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('data.cancel')}
        </button>
      )}
    </div>
  );
}
