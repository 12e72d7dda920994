import type { Scores } from '../../domain/optimizer/evaluate';
import { withinPercent } from '../../domain/optimizer/adopt';
import { useFeatureT } from '../../components/useT';
import { formatNumber } from '../../i18n/format';
import { optimizerMessages } from './messages';

/** The parameters in use and the fitted ones, scored on the same reviews, side by side. */
export function ScoresTable({ before, fitted }: { before: Scores; fitted: Scores }) {
  const { t, lang } = useFeatureT(optimizerMessages);
  const loss = (s: Scores) => formatNumber(s.logLoss, lang);
  const rmse = (s: Scores) => formatNumber(Math.round(s.rmseBins * 10_000) / 10_000, lang);
  return (
    <table className="scores">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('optimizer.current')}</th>
          <th scope="col">{t('optimizer.fitted')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('optimizer.logLoss')}</th>
          <td data-testid="loss-before">{loss(before)}</td>
          <td data-testid="loss-fitted">{loss(fitted)}</td>
        </tr>
        <tr>
          <th scope="row">{t('optimizer.rmse')}</th>
          <td>
            {rmse(before)} — {t('optimizer.within', { p: formatNumber(withinPercent(before), lang) })}
          </td>
          <td>
            {rmse(fitted)} — {t('optimizer.within', { p: formatNumber(withinPercent(fitted), lang) })}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
