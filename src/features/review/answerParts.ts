// What the review shows only after the first card: its answer, the rating buttons, the end.
export { CardAnswer } from './CardAnswer';
export { RatingButtons } from './RatingButtons';
export { ReviewDone } from './ReviewDone';
