import type { MessageKey } from '../i18n/translate';

export type StateGroup = 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'buried' | 'retired';

/** The card states as the app shows them, in order, with their labels. */
export const stateLabels: [StateGroup, MessageKey][] = [
  ['new', 'common.new'],
  ['learning', 'common.learning'],
  ['review', 'common.review'],
  ['relearning', 'common.relearning'],
  ['suspended', 'common.suspended'],
  ['buried', 'common.buried'],
  ['retired', 'common.retired'],
];
