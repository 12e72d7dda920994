import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scores } from '../../domain/optimizer/evaluate';
import { weightsFor } from '../../domain/optimizer/params';
import { useDb } from '../../components/DbContext';
import { recordOptimization, resetFsrsParams } from '../../storage/fsrsParams';
import { useAppStore } from '../../state/appStore';
import { CancelledError, countReviews, optimize, type Run } from './optimizerClient';
import { ThreadsError } from './threadPool';
import type { TrainingStage } from './protocol';

export type Phase =
  | { kind: 'idle' }
  | { kind: 'training'; stage: TrainingStage; done: number; total: number }
  | { kind: 'done'; before: Scores; fitted: Scores; adopted: boolean }
  | { kind: 'cancelled' }
  /** `threads`: the optimizer's threads did not start (the browser did not run them). */
  | { kind: 'failed'; reason: string; threads?: boolean };

/**
 * The scope's review count, and one optimization at a time with its progress, result and Cancel.
 * The screen mounts anew for another scope, so nothing here outlives its scope.
 */
export function useOptimizer(scope: string) {
  const db = useDb();
  const rolloverHour = useAppStore((s) => s.settings.rolloverHour);
  const [count, setCount] = useState<{ reviews: number; cards: number } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const run = useRef<Run<unknown> | null>(null);
  const deckId = scope === 'global' ? null : scope;

  useEffect(() => {
    const counting = countReviews({ dbName: db.name, deckId, rolloverHour });
    counting.result.then(setCount, (error: unknown) => {
      if (!(error instanceof CancelledError)) setPhase({ kind: 'failed', reason: String(error) });
    });
    return () => {
      counting.cancel();
      run.current?.cancel();
    };
  }, [db, deckId, rolloverHour]);

  const start = useCallback(async () => {
    const store = useAppStore.getState();
    // What schedules this scope now: a role's own parameters, else the global ones.
    const current = deckId ? weightsFor(store.fsrsParams, deckId) : store.fsrsParams.global?.w;
    setPhase({ kind: 'training', stage: 'reading', done: 0, total: 0 });
    const update = (patch: Partial<Extract<Phase, { kind: 'training' }>>) =>
      setPhase((p) => (p.kind === 'training' ? { ...p, ...patch } : p));
    const training = optimize(
      { dbName: db.name, deckId, rolloverHour, current: current ?? null },
      { onProgress: (done, total) => update({ done, total }), onStage: (stage) => update({ stage }) },
    );
    run.current = training;
    try {
      const { w, before, fitted } = await training.result;
      const params = await recordOptimization(db, scope, Date.now(), w, before, fitted);
      useAppStore.getState().setFsrsParams(params);
      setPhase({ kind: 'done', before, fitted, adopted: params[scope]!.history.at(-1)!.adopted });
    } catch (error) {
      setPhase(
        error instanceof CancelledError
          ? { kind: 'cancelled' }
          : {
              kind: 'failed',
              reason: error instanceof Error ? error.message : String(error),
              threads: error instanceof ThreadsError,
            },
      );
    } finally {
      run.current = null;
    }
  }, [db, deckId, rolloverHour, scope]);

  const cancel = useCallback(() => run.current?.cancel(), []);

  const reset = useCallback(async () => {
    const params = await resetFsrsParams(db, scope, Date.now());
    useAppStore.getState().setFsrsParams(params);
    setPhase({ kind: 'idle' });
  }, [db, scope]);

  return { count, phase, start, cancel, reset };
}
