/**
 * Tabs of the app tell each other which cards they reviewed, so a card reviewed in one tab leaves
 * the queues of the others instead of being rated again from a state that is no longer stored.
 */
const CHANNEL = 'interview-recall:reviews';

interface Reviewed {
  kind: 'reviewed';
  cardId: string;
}

let channel: BroadcastChannel | null | undefined;
const open = () =>
  channel === undefined
    ? (channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null)
    : channel;

export function announceReviewed(cardId: string): void {
  open()?.postMessage({ kind: 'reviewed', cardId } satisfies Reviewed);
}

export function onReviewedElsewhere(listener: (cardId: string) => void): void {
  open()?.addEventListener('message', (e: MessageEvent<Reviewed>) => {
    if (e.data?.kind === 'reviewed' && typeof e.data.cardId === 'string') listener(e.data.cardId);
  });
}
