import { Scheduler } from '../domain/scheduling/scheduler';
import { weightsFor } from '../domain/optimizer/params';
import { retentionFor, type Settings } from '../domain/settings/settings';
import { useAppStore } from './appStore';

const cache = new Map<string, Scheduler>();

/**
 * One scheduler per distinct parameter set (roles may override the desired retention and have
 * parameters of their own). The FSRS parameters come from the store, so they apply from the next card on.
 */
export function schedulerFor(settings: Settings, deckId: string): Scheduler {
  const options = {
    desiredRetention: retentionFor(settings, deckId),
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    fuzz: settings.fuzz,
    maximumInterval: settings.maximumInterval,
    w: weightsFor(useAppStore.getState().fsrsParams, deckId),
  };
  const key = JSON.stringify(options);
  let scheduler = cache.get(key);
  if (!scheduler) {
    scheduler = new Scheduler(options);
    cache.set(key, scheduler);
  }
  return scheduler;
}

export type SchedulerFor = typeof schedulerFor;

// Rating a card needs the scheduler anyway: the answer's code loads with it, not before the first card.
export { answer } from './answer';
