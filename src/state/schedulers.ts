import { Scheduler } from '../domain/scheduling/scheduler';
import { retentionFor, type Settings } from '../domain/settings/settings';

const cache = new Map<string, Scheduler>();

/** One scheduler per distinct parameter set (roles may override the desired retention). */
export function schedulerFor(settings: Settings, deckId: string): Scheduler {
  const options = {
    desiredRetention: retentionFor(settings, deckId),
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    fuzz: settings.fuzz,
    maximumInterval: settings.maximumInterval,
  };
  const key = JSON.stringify(options);
  let scheduler = cache.get(key);
  if (!scheduler) {
    scheduler = new Scheduler(options);
    cache.set(key, scheduler);
  }
  return scheduler;
}
