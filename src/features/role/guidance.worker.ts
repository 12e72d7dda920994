/// <reference lib="webworker" />
import { retentionGuidance } from '../../domain/optimizer/simulate';
import type { GuidanceReply, GuidanceRequest } from './guidanceClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<GuidanceRequest>) => {
  const { states, dayStart, options } = event.data;
  try {
    scope.postMessage({ levels: retentionGuidance(states, dayStart, options) } satisfies GuidanceReply);
  } catch (error) {
    scope.postMessage({
      error: error instanceof Error ? error.message : String(error),
    } satisfies GuidanceReply);
  }
};
