import type { Workload, WorkloadOptions } from '../../domain/optimizer/simulate';
import type { SchedState } from '../../domain/scheduling/types';
// Not through storage/roleCards: that module reads the database, and would bring Dexie into the worker.
import { unpackSnapshot } from '../../storage/snapshots/stateSnapshot';
import type { RoleColumns } from '../../storage/roleCards';

export interface GuidanceRequest {
  /** The role's states as columns: a copy of typed arrays crosses to the worker at once. */
  columns: RoleColumns;
  dayStart: number;
  options: Omit<WorkloadOptions, 'desiredRetention'>;
}

/** The states the simulation runs over: every card still in the deck. */
export const guidanceStates = (columns: RoleColumns): SchedState[] =>
  unpackSnapshot(columns).flatMap(({ state }) => (state.hidden === 'retired' ? [] : [state]));

export type GuidanceReply = { levels: Workload[] } | { error: string };

/**
 * The workload at each retention level, simulated in a worker: a role of thousands of studied
 * cards takes a few hundred milliseconds. Where Workers do not exist (tests), on this thread.
 */
export function requestGuidance(request: GuidanceRequest): Promise<Workload[]> {
  if (typeof Worker === 'undefined')
    return import('../../domain/optimizer/simulate').then((m) =>
      m.retentionGuidance(guidanceStates(request.columns), request.dayStart, request.options),
    );
  const worker = new Worker(new URL('./guidance.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Workload[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<GuidanceReply>) => {
      worker.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data.levels);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the simulation stopped'));
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
