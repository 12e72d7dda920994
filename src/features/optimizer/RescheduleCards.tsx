import { useState } from 'react';
import { useDb } from '../../components/DbContext';
import { useFeatureT } from '../../components/useT';
import { GLOBAL_SCOPE, weightsFor } from '../../domain/optimizer/params';
import type { SchedulerOptions } from '../../domain/scheduling/scheduler';
import { retentionFor } from '../../domain/settings/settings';
import { useAppStore } from '../../state/appStore';
import { listDecks } from '../../storage/decks';
import { optimizerMessages } from './messages';
import { reschedule } from './optimizerClient';

type Status =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; rescheduled: number; kept: number }
  | { kind: 'failed'; reason: string };

/** The roles the scope's parameters schedule: the role, or every role without parameters of its own. */
function optionsByDeck(deckIds: string[]): Record<string, SchedulerOptions> {
  const { settings, fsrsParams } = useAppStore.getState();
  return Object.fromEntries(
    deckIds.map((deckId) => [
      deckId,
      {
        desiredRetention: retentionFor(settings, deckId),
        learningSteps: settings.learningSteps,
        relearningSteps: settings.relearningSteps,
        fuzz: settings.fuzz,
        maximumInterval: settings.maximumInterval,
        w: weightsFor(fsrsParams, deckId),
      },
    ]),
  );
}

/** After an adoption: replay the scope's cards with the new parameters, on request. */
export function RescheduleCards({ scope }: { scope: string }) {
  const db = useDb();
  const { t } = useFeatureT(optimizerMessages);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const run = async () => {
    setStatus({ kind: 'running' });
    try {
      const own = useAppStore.getState().fsrsParams;
      const deckIds =
        scope === GLOBAL_SCOPE ? (await listDecks(db)).map((d) => d.id).filter((id) => !own[id]?.w) : [scope];
      const job = reschedule({
        dbName: db.name,
        optionsByDeck: optionsByDeck(deckIds),
        now: Date.now(),
      });
      const { rescheduled, kept } = await job.result;
      useAppStore.getState().dataChanged();
      setStatus({ kind: 'done', rescheduled, kept });
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="optimizer-reschedule">
      <h3 id="optimizer-reschedule">{t('optimizer.rescheduleTitle')}</h3>
      <p>
        {t('optimizer.rescheduleIntro', {
          which: t(scope === GLOBAL_SCOPE ? 'optimizer.rescheduleGlobal' : 'optimizer.rescheduleRole'),
        })}
      </p>
      <button
        type="button"
        disabled={status.kind === 'running' || status.kind === 'done'}
        onClick={() => void run()}
      >
        {t('optimizer.reschedule')}
      </button>
      {status.kind === 'running' && <p role="status">{t('optimizer.rescheduling')}</p>}
      {status.kind === 'done' && (
        <p role="status" data-testid="rescheduled">
          {t('optimizer.rescheduled', { n: status.rescheduled, kept: status.kept })}
        </p>
      )}
      {status.kind === 'failed' && (
        <p role="alert">{t('optimizer.rescheduleFailed', { reason: status.reason })}</p>
      )}
    </section>
  );
}
