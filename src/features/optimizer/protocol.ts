import type { Scores } from '../../domain/optimizer/evaluate';
import type { SchedulerOptions } from '../../domain/scheduling/scheduler';

export type OptimizerRequest =
  | { kind: 'count'; dbName: string; deckId: string | null; rolloverHour: number }
  | { kind: 'train'; dbName: string; deckId: string | null; rolloverHour: number; current: number[] | null }
  | { kind: 'reschedule'; dbName: string; optionsByDeck: Record<string, SchedulerOptions>; now: number };

export type OptimizerMessage =
  | { type: 'count'; reviews: number; cards: number }
  /** Where the optimizer counts its progress: two u32 (done, total) in shared WebAssembly memory. */
  | { type: 'progress'; memory: SharedArrayBuffer; offset: number }
  | { type: 'result'; w: number[]; before: Scores; fitted: Scores }
  | { type: 'rescheduled'; rescheduled: number; kept: number }
  | { type: 'error'; message: string };
