import type { Flag } from '../scheduling/types';

/** Anki's flag colours, in its order (Ctrl+1…7 sets them). */
export const FLAGS = [
  [1, 'red'],
  [2, 'orange'],
  [3, 'green'],
  [4, 'blue'],
  [5, 'pink'],
  [6, 'turquoise'],
  [7, 'purple'],
] as const satisfies readonly (readonly [Flag, string])[];

export type FlagColour = (typeof FLAGS)[number][1];

export const flagColour = (flag: Flag): FlagColour => FLAGS[flag - 1]![1];

/** 0 clears a flag. */
export const isFlagValue = (v: unknown): v is Flag | 0 =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 7;
