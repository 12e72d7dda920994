// The review's writes, one chunk loaded after the first card (lazyWrites.ts).
export { recordReview, undoReview } from './reviewWrites';
export { journaledReview } from './reviewJournal';
export {
  buryCards,
  flagCards,
  resetCards,
  suspendCards,
  undoCardChange,
  unsuspendCards,
} from './cardActionWrites';
