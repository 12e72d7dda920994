import type { Scores } from '../../domain/optimizer/evaluate';
import type { SchedulerOptions } from '../../domain/scheduling/scheduler';

export type OptimizerRequest =
  | { kind: 'count'; dbName: string; deckId: string | null; rolloverHour: number }
  | { kind: 'train'; dbName: string; deckId: string | null; rolloverHour: number; current: number[] | null }
  | { kind: 'reschedule'; dbName: string; optionsByDeck: Record<string, SchedulerOptions>; now: number };

/** Where a training's time went, in the worker (ms). */
export interface TrainingTimings {
  /** Reading the reviews from IndexedDB. */
  readMs: number;
  /** Waiting for the optimizer to load after the reviews were read and the current set scored. */
  loadWaitMs: number;
  /** fsrs-rs's training. */
  trainMs: number;
  /** Building the training set and scoring both parameter sets. */
  evaluateMs: number;
}

/** What a training is doing: reading the reviews, waiting for the optimizer to load, training, scoring. */
export type TrainingStage = 'reading' | 'loading' | 'training' | 'scoring';

export type OptimizerMessage =
  | { type: 'count'; reviews: number; cards: number }
  | { type: 'stage'; stage: TrainingStage }
  /** Where the optimizer counts its progress: two u32 (done, total) in shared WebAssembly memory. */
  | { type: 'progress'; memory: SharedArrayBuffer; offset: number }
  | { type: 'result'; w: number[]; before: Scores; fitted: Scores; timings: TrainingTimings }
  | { type: 'rescheduled'; rescheduled: number; kept: number }
  /** `threads`: the optimizer's thread pool did not start (threadPool.ts). */
  | { type: 'error'; message: string; threads?: boolean };
