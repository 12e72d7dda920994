import { CardState, type SchedState } from '../scheduling/types';

/** A card reviewed at least once. Apart from recall.ts so that code on the first screen does not pull in ts-fsrs. */
export const isStudied = (s: SchedState) => s.state !== CardState.New && s.lastReview !== null;

/** Cards that count towards a role: retired cards are history, not part of the role any more. */
export const inRole = (s: SchedState) => s.hidden !== 'retired';
