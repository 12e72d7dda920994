import { Link, useNavigate, useParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { FEW_REVIEWS } from '../../domain/optimizer/trainingItems';
import { GLOBAL_SCOPE } from '../../domain/optimizer/params';
import { formatDate, formatNumber } from '../../i18n/format';
import { listDecks } from '../../storage/decks';
import { useAppStore } from '../../state/appStore';
import { HistoryTable } from './HistoryTable';
import { optimizerMessages } from './messages';
import { RescheduleCards } from './RescheduleCards';
import { ScoresTable } from './ScoresTable';
import { useOptimizer } from './useOptimizer';
import { useReloadIsolates } from './useReloadIsolates';
import './optimizer.css';

export default function OptimizerScreen() {
  const { roleId } = useParams();
  const scope = roleId ?? GLOBAL_SCOPE;
  return <Optimizer key={scope} scope={scope} />;
}

function Optimizer({ scope }: { scope: string }) {
  const db = useDb();
  const navigate = useNavigate();
  const { t, lang } = useFeatureT(optimizerMessages);
  const decks = useAsync(() => listDecks(db), [db]);
  const params = useAppStore((s) => s.fsrsParams);
  const { count, phase, start, cancel, reset } = useOptimizer(scope);
  const isolated = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;
  const reloadIsolates = useReloadIsolates();
  const own = params[scope];
  const lastAdopted = own?.w ? own.history.findLast((h) => h.adopted && h.kind === 'optimized') : undefined;
  const inUse = own?.w
    ? t('optimizer.own', { date: lastAdopted ? formatDate(lastAdopted.at, lang) : '—' })
    : scope !== GLOBAL_SCOPE && params[GLOBAL_SCOPE]?.w
      ? t('optimizer.globalInUse')
      : t('optimizer.defaults');
  const training = phase.kind === 'training';

  return (
    <div className="optimizer">
      <h1>{t('optimizer.title')}</h1>
      <p className="muted">{t('optimizer.intro')}</p>
      <label>
        {t('optimizer.scope')}{' '}
        <select
          value={scope}
          disabled={training}
          onChange={(e) =>
            void navigate(
              e.target.value === GLOBAL_SCOPE ? '/optimizer' : `/roles/${e.target.value}/optimizer`,
            )
          }
        >
          <option value={GLOBAL_SCOPE}>{t('optimizer.global')}</option>
          {decks.status === 'done' &&
            decks.value.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title[lang]}
              </option>
            ))}
        </select>
      </label>
      <p data-testid="in-use">{t('optimizer.inUse', { what: inUse })}</p>

      {count === null ? (
        <p role="status">{t('optimizer.counting')}</p>
      ) : (
        <p data-testid="review-count">
          {t('optimizer.reviews', { n: count.reviews, cards: formatNumber(count.cards, lang) })}
        </p>
      )}
      {count && count.reviews === 0 && <p className="warning">{t('optimizer.none')}</p>}
      {count && count.reviews > 0 && count.reviews < FEW_REVIEWS && (
        <p className="warning">{t('optimizer.few', { n: formatNumber(FEW_REVIEWS, lang) })}</p>
      )}

      {!isolated ? (
        <p role="alert">{t(reloadIsolates ? 'optimizer.reloadToEnable' : 'optimizer.unavailable')}</p>
      ) : (
        <p className="actions">
          <button
            type="button"
            className="primary"
            disabled={training || !count?.reviews}
            onClick={() => void start()}
          >
            {t('optimizer.start')}
          </button>{' '}
          {own?.w && (
            <button type="button" disabled={training} onClick={() => void reset()}>
              {t('optimizer.reset')}
            </button>
          )}
        </p>
      )}

      {training && (
        <div className="job-progress" role="status">
          <label>
            {t('optimizer.training')}{' '}
            <span data-testid="training-stage">{t(`optimizer.stage.${phase.stage}`)}</span>
            {phase.total > 0 ? <progress value={phase.done} max={phase.total} /> : <progress />}
          </label>
          {phase.total > 0 && (
            <span className="muted">
              {t('optimizer.progress', {
                done: formatNumber(phase.done, lang),
                total: formatNumber(phase.total, lang),
              })}
            </span>
          )}
          <button type="button" onClick={cancel}>
            {t('optimizer.cancel')}
          </button>
        </div>
      )}
      {phase.kind === 'cancelled' && <p role="status">{t('optimizer.cancelled')}</p>}
      {phase.kind === 'failed' && (
        <p role="alert">
          {phase.threads ? t('optimizer.threadsFailed') : t('optimizer.failed', { reason: phase.reason })}
        </p>
      )}
      {phase.kind === 'done' && (
        <section aria-labelledby="optimizer-result">
          <h2 id="optimizer-result">{t('optimizer.result')}</h2>
          <p role="status" data-testid="outcome">
            {phase.adopted ? t('optimizer.adopted') : t('optimizer.kept')}
          </p>
          <ScoresTable before={phase.before} fitted={phase.fitted} />
          {phase.adopted && <RescheduleCards scope={scope} />}
        </section>
      )}

      <h2>{t('optimizer.history')}</h2>
      <HistoryTable history={own?.history ?? []} />
      {scope !== GLOBAL_SCOPE && (
        <p>
          <Link to={`/roles/${scope}`}>
            {decks.status === 'done' ? decks.value.find((d) => d.id === scope)?.title[lang] : scope}
          </Link>
        </p>
      )}
    </div>
  );
}
