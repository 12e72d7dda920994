import { useEffect, useState } from 'react';
import { useFeatureT } from '../../components/useT';
import { weightsFor } from '../../domain/optimizer/params';
import type { Workload } from '../../domain/optimizer/simulate';
import { dailyNewPerDay, retentionFor, roleSettings } from '../../domain/settings/settings';
import { startOfReviewDay } from '../../domain/time/reviewDay';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useAppStore } from '../../state/appStore';
import type { RoleColumns } from '../../storage/roleCards';
import { requestGuidance } from './guidanceClient';
import { roleMessages } from './messages';
import { studyingCount } from './stateGroups';

const DAYS = 365;
const SEED = 20_240_601;

type Result =
  { status: 'running' } | { status: 'done'; levels: Workload[] } | { status: 'error'; error: string };

/** Expected daily reviews at a few desired retentions, from an FSRS simulation over the role's cards. */
export function RetentionGuidance({ deckId, columns }: { deckId: string; columns: RoleColumns }) {
  const { t, lang } = useFeatureT(roleMessages);
  const settings = useAppStore((s) => s.settings);
  const w = useAppStore((s) => weightsFor(s.fsrsParams, deckId));
  const role = roleSettings(settings, deckId);
  const [now] = useState(() => Date.now());
  const newPerDay = dailyNewPerDay(role, now, settings.rolloverHour);
  const { maxReviewsPerDay } = role;
  const { maximumInterval, rolloverHour } = settings;
  const relearningSteps = settings.relearningSteps.length;
  const [result, setResult] = useState<Result>({ status: 'running' });

  useEffect(() => {
    let live = true;
    requestGuidance({
      columns,
      dayStart: startOfReviewDay(now, rolloverHour),
      options: { w, newPerDay, maxReviewsPerDay, maximumInterval, relearningSteps, days: DAYS, seed: SEED },
    }).then(
      (levels) => live && setResult({ status: 'done', levels }),
      (error: unknown) => live && setResult({ status: 'error', error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [columns, now, rolloverHour, w, newPerDay, maxReviewsPerDay, maximumInterval, relearningSteps]);

  const inUse = retentionFor(settings, deckId);
  const studying = studyingCount(columns);
  return (
    <section className="settings-form retention-guidance" aria-labelledby={`${deckId}-guidance`}>
      <h2 id={`${deckId}-guidance`}>{t('role.guidance')}</h2>
      <p>{t('role.guidanceIntro')}</p>
      {result.status === 'running' && <p role="status">{t('role.guidanceRunning')}</p>}
      {result.status === 'error' && <p role="alert">{t('role.guidanceFailed', { reason: result.error })}</p>}
      {result.status === 'done' && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('role.guidanceRetention')}</th>
              <th scope="col">{t('role.guidanceReviews')}</th>
              <th scope="col">{t('role.guidanceRecalled', { days: DAYS })}</th>
            </tr>
          </thead>
          <tbody>
            {result.levels.map((level) => (
              <tr key={level.desiredRetention}>
                <th scope="row">
                  {formatPercent(level.desiredRetention, lang)}
                  {Math.abs(level.desiredRetention - inUse) < 1e-9 && ` (${t('role.guidanceInUse')})`}
                </th>
                <td>{formatNumber(Math.round(level.reviewsPerDay * 10) / 10, lang)}</td>
                <td>{formatNumber(Math.round(level.recalledAtEnd), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {t('role.guidanceAssumes', {
          days: DAYS,
          cards: studying,
          params: t(w ? 'role.guidanceParamsOwn' : 'role.guidanceParamsDefault'),
          newPerDay,
          maxReviews: maxReviewsPerDay,
          steps: relearningSteps,
        })}
      </p>
    </section>
  );
}
