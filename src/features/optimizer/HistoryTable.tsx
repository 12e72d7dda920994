import type { ParamsHistoryEntry } from '../../domain/optimizer/params';
import { withinPercent } from '../../domain/optimizer/adopt';
import type { Scores } from '../../domain/optimizer/evaluate';
import { useFeatureT } from '../../components/useT';
import { formatDate, formatNumber, formatTime } from '../../i18n/format';
import { optimizerMessages } from './messages';

/** Every optimization of the scope and every return to the defaults, newest first. */
export function HistoryTable({ history }: { history: readonly ParamsHistoryEntry[] }) {
  const { t, lang } = useFeatureT(optimizerMessages);
  if (!history.length) return <p className="muted">{t('optimizer.historyNone')}</p>;
  const score = (s: Scores | null) =>
    s
      ? t('optimizer.score', {
          loss: formatNumber(s.logLoss, lang),
          p: formatNumber(withinPercent(s), lang),
        })
      : '—';
  return (
    <table className="history">
      <thead>
        <tr>
          <th scope="col">{t('optimizer.when')}</th>
          <th scope="col">{t('optimizer.on')}</th>
          <th scope="col">{t('optimizer.before')}</th>
          <th scope="col">{t('optimizer.after')}</th>
          <th scope="col">{t('optimizer.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {[...history].reverse().map((h) => (
          <tr key={h.at}>
            <td>
              {formatDate(h.at, lang)} {formatTime(h.at, lang)}
            </td>
            <td>{h.kind === 'defaults' ? '—' : formatNumber(h.reviews, lang)}</td>
            <td>{score(h.before)}</td>
            <td>{score(h.fitted)}</td>
            <td>
              {h.kind === 'defaults'
                ? t('optimizer.outcomeDefaults')
                : h.adopted
                  ? t('optimizer.outcomeAdopted')
                  : t('optimizer.outcomeKept')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
