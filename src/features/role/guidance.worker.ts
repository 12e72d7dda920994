/// <reference lib="webworker" />
import { retentionGuidance } from '../../domain/optimizer/simulate';
import { guidanceStates, type GuidanceReply, type GuidanceRequest } from './guidanceClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<GuidanceRequest>) => {
  const { columns, dayStart, options } = event.data;
  try {
    const levels = retentionGuidance(guidanceStates(columns), dayStart, options);
    scope.postMessage({ levels } satisfies GuidanceReply);
  } catch (error) {
    scope.postMessage({
      error: error instanceof Error ? error.message : String(error),
    } satisfies GuidanceReply);
  }
};
