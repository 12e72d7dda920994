import type { CardRecord } from '../domain/deck/records';
import type { MockInterview } from '../domain/mock/mockInterview';
import type { MockCandidate } from '../domain/mock/pick';
import { isStudied, recallAt } from '../domain/stats/recall';
import { loadDeckCards } from './decks';
import type { ReviewLog, SchedState } from '../domain/scheduling/types';
import type { AppDb } from './db';
import { recordReview } from './reviewWrites';

/** Every mock interview, oldest first. */
export const listMocks = (db: AppDb): Promise<MockInterview[]> => db.mocks.orderBy('startedAt').toArray();

export const getMock = (db: AppDb, id: string): Promise<MockInterview | undefined> => db.mocks.get(id);

/** The interview left unfinished (the page was closed or reloaded mid-way), if any: the newest. */
export async function unfinishedMock(db: AppDb): Promise<MockInterview | undefined> {
  const all = await db.mocks.orderBy('startedAt').reverse().toArray();
  return all.find((m) => m.finishedAt === null);
}

export async function saveMock(db: AppDb, mock: MockInterview): Promise<void> {
  await db.mocks.put(mock);
}

/**
 * Stores a graded answer; when mock answers count as reviews, the review (computed from the card's
 * stored state, as in the review screen) is written in the same transaction.
 */
export async function saveMockAnswer(
  db: AppDb,
  mock: MockInterview,
  review?: { next: SchedState; log: ReviewLog; previous: SchedState },
): Promise<void> {
  await db.transaction('rw', [db.mocks, db.states, db.logs, db.days, db.settings, db.meta], async () => {
    if (review) await recordReview(db, review.next, review.log, review.previous);
    await db.mocks.put(mock);
  });
}

export const deleteMock = (db: AppDb, id: string) => db.mocks.delete(id);

/** The cards of the chosen roles a mock interview may ask, with what picking needs to know. */
export async function loadMockCandidates(
  db: AppDb,
  roles: readonly string[],
  now: number,
): Promise<{ candidates: MockCandidate[]; cards: Map<string, CardRecord> }> {
  const cards = new Map<string, CardRecord>();
  const candidates: MockCandidate[] = [];
  for (const deckId of roles) {
    for (const { card, state } of await loadDeckCards(db, deckId)) {
      if (card.retired || state?.hidden) continue;
      cards.set(card.id, card);
      candidates.push({
        cardId: card.id,
        deckId,
        topic: card.topic,
        type: card.type,
        recall: state && isStudied(state) ? recallAt(state, now) : null,
        lapses: state?.lapses ?? 0,
        gradable: (card.keyPoints?.length ?? 0) > 0,
      });
    }
  }
  return { candidates, cards };
}
