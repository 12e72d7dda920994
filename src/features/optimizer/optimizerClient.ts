import type { Scores } from '../../domain/optimizer/evaluate';
import type { OptimizerMessage, OptimizerRequest, TrainingStage, TrainingTimings } from './protocol';
import { ThreadsError } from './threadPool';

export interface Run<T> {
  result: Promise<T>;
  /** Stops the work at once (the worker is terminated); `result` then rejects with CancelledError. */
  cancel: () => void;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
}

type Request = Omit<Extract<OptimizerRequest, { kind: 'count' }>, 'kind'> & { current?: number[] | null };

interface Listeners {
  onProgress?: (done: number, total: number) => void;
  onStage?: (stage: TrainingStage) => void;
}

function start<T>(request: OptimizerRequest, { onProgress, onStage }: Listeners = {}): Run<T> {
  const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
  let poll: ReturnType<typeof setInterval> | undefined;
  let settle: (error: Error | null, value?: T) => void = () => undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = (error, value) => {
      clearInterval(poll);
      worker.terminate();
      if (error) reject(error);
      else resolve(value as T);
    };
  });
  worker.onmessage = (event: MessageEvent<OptimizerMessage>) => {
    const m = event.data;
    if (m.type === 'progress') {
      const counts = new Uint32Array(m.memory, m.offset, 2);
      poll = setInterval(() => onProgress?.(counts[0]!, counts[1]!), 250);
    } else if (m.type === 'stage') onStage?.(m.stage);
    else if (m.type === 'error') settle(m.threads ? new ThreadsError(m.message) : new Error(m.message));
    else settle(null, m as T);
  };
  worker.onerror = (event) => settle(new Error(event.message || 'the optimizer stopped'));
  worker.postMessage(request);
  return { result, cancel: () => settle(new CancelledError('cancelled')) };
}

export const countReviews = (r: Request) =>
  start<{ reviews: number; cards: number }>({ ...r, kind: 'count' });

export const optimize = (r: Request, listeners: Listeners) =>
  start<{ w: number[]; before: Scores; fitted: Scores; timings: TrainingTimings }>(
    { ...r, kind: 'train', current: r.current ?? null },
    listeners,
  );

/** Replays the cards' reviews with the new parameters, in the worker (after a snapshot, in one transaction). */
export const reschedule = (r: Omit<Extract<OptimizerRequest, { kind: 'reschedule' }>, 'kind'>) =>
  start<{ rescheduled: number; kept: number }>({ ...r, kind: 'reschedule' });
