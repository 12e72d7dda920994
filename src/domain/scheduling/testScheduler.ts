import { Scheduler } from './scheduler';

/** For tests: the default steps without fuzz, so every run gets the same intervals. */
export const testScheduler = (): Scheduler =>
  new Scheduler({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz: false,
    maximumInterval: 36500,
  });
