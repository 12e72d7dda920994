import { preloadable } from '../../components/preloadable';

/** Loaded once the first card is on screen (preloadAnswerUi), not with it. */
const parts = preloadable(() => import('./answerParts'));
export const preloadAnswerUi = parts.preload;
export const CardAnswer = parts.component((m) => m.CardAnswer);
export const RatingButtons = parts.component((m) => m.RatingButtons);
export const ReviewDone = parts.component((m) => m.ReviewDone);
