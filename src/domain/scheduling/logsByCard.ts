import type { ReviewLog } from './types';

/** Reviews grouped by their card, each card's in the order given. */
export function logsByCard(logs: Iterable<ReviewLog>): Map<string, ReviewLog[]> {
  const byCard = new Map<string, ReviewLog[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  return byCard;
}
