import type { DeckRecord } from '../domain/deck/records';
import { buildQueue, queueCounts, type QueueCounts } from '../domain/queue/queue';
import { roleSettings, type Settings } from '../domain/settings/settings';
import { endOfReviewDay, startOfReviewDay } from '../domain/time/reviewDay';
import type { AppDb } from './db';
import { listDecks } from './decks';
import { loadQueueInputs } from './queues';

export interface RoleOverview {
  deck: DeckRecord;
  enabled: boolean;
  /** What today's queue holds for this role, within its limits. */
  today: QueueCounts;
}

/**
 * Every role (or those `include` keeps) with what is due today, in the order the built-in decks are
 * listed. Each role's queues are read, so a screen that shows a few roles asks only for those.
 */
export async function loadOverview(
  db: AppDb,
  settings: Settings,
  now: number,
  order: string[],
  include: (deck: DeckRecord) => boolean = () => true,
): Promise<RoleOverview[]> {
  const dayStart = startOfReviewDay(now, settings.rolloverHour);
  const dayEnd = endOfReviewDay(now, settings.rolloverHour);
  const decks = (await listDecks(db)).filter(include);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  decks.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const ids = decks.map((d) => d.id);
  const inputs = await loadQueueInputs(db, ids, settings, dayStart, dayEnd);
  return decks.map((deck, i) => ({
    deck,
    enabled: roleSettings(settings, deck.id).enabled,
    today: queueCounts(buildQueue([inputs[i]!], dayEnd)),
  }));
}
