/**
 * The harness's side of the sync phase (bench/syncPhase.mjs): a second device with the same decks
 * and settings as the collection but none of its reviews, and a day's reviews on the first one.
 */
import type { Rating } from '../src/domain/scheduling/types';
import { buildQueue } from '../src/domain/queue/queue';
import { defaultRoleSettings, roleSettings, type Settings } from '../src/domain/settings/settings';
import { endOfReviewDay, startOfReviewDay } from '../src/domain/time/reviewDay';
import { fromRow, type AppDb } from '../src/storage/db';
import { syncDecks, type DeckFile } from '../src/storage/deckSync';
import { listDecks } from '../src/storage/decks';
import { loadQueueInputs } from '../src/storage/queues';
import { recordReview } from '../src/storage/reviews';
import { loadSettings, saveSettings } from '../src/storage/settings';
import { schedulerFor } from '../src/state/schedulers';

/**
 * The bundled decks and the settings the collection has (prepareCollection), over a database the
 * synthetic decks were already imported into: what a user's second device holds before its first sync.
 */
export async function prepareSecondDevice(db: AppDb, synthetic: string[], bundled: DeckFile[]) {
  await syncDecks(db, bundled);
  const settings = await loadSettings(db);
  const roles: Settings['roles'] = {};
  for (const d of bundled) roles[d.id] = { ...defaultRoleSettings(false) };
  for (const id of synthetic) roles[id] = { ...defaultRoleSettings(true) };
  await saveSettings(db, { ...settings, language: 'en', roles });
  return { states: await db.states.count(), logs: await db.logs.count() };
}

const RATINGS: Rating[] = [3, 3, 1, 3, 4, 3, 2, 3, 3, 3];

/**
 * A day's reviews: `count` cards of today's queue over the enabled roles, each answered through
 * the app's scheduler and review write (one transaction each, as the review screen writes them),
 * a few seconds apart from `now` on.
 */
export async function reviewDay(db: AppDb, count: number, now: number) {
  const settings = await loadSettings(db);
  const dayStart = startOfReviewDay(now, settings.rolloverHour);
  const dayEnd = endOfReviewDay(now, settings.rolloverHour);
  const ids = (await listDecks(db)).map((d) => d.id).filter((id) => roleSettings(settings, id).enabled);
  const inputs = await loadQueueInputs(db, ids, settings, dayStart, dayEnd);
  const queue = buildQueue(inputs, dayEnd);
  const cards = [...queue.learning, ...queue.main].slice(0, count);
  let at = now;
  for (const [i, card] of cards.entries()) {
    const previous = fromRow((await db.states.get(card.cardId))!);
    at += 5_000 + (i % 7) * 1_000;
    const { next, log } = schedulerFor(settings, card.deckId).answer(
      previous,
      RATINGS[i % RATINGS.length]!,
      at,
      8_000,
      crypto.randomUUID(),
    );
    await recordReview(db, next, log, previous);
  }
  return { reviewed: cards.length, logs: await db.logs.count() };
}
