import { describe, expect, it } from 'vitest';
import { CardState, type ReviewLog } from '../scheduling/types';
import { cardHistories, countedReviews, trainingArrays } from './trainingItems';

const at = (day: number, hour: number) => new Date(2026, 0, day, hour).getTime();
const log = (cardId: string, review: number, rating: 1 | 2 | 3 | 4, state: CardState = CardState.Review) =>
  ({ id: `${cardId}-${review}`, cardId, deckId: 'rag', rating, state, review }) as ReviewLog;

describe('cardHistories', () => {
  it('puts each card’s reviews in time order and counts review days, a day starting at the rollover hour', () => {
    const logs = [
      log('a', at(5, 10), 3),
      log('a', at(1, 9), 1, CardState.New),
      log('a', at(1, 9.5), 3, CardState.Learning),
      // 03:00 on the 3rd still belongs to the 2nd with a 4:00 rollover
      log('a', at(3, 3), 3),
    ];
    expect(cardHistories(logs, 4)).toEqual([
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 1 },
        { rating: 3, deltaT: 3 },
      ],
    ]);
  });

  it('leaves out a card whose history does not start with its first review', () => {
    const logs = [log('b', at(2, 10), 3), log('c', at(1, 10), 3, CardState.New), log('c', at(4, 10), 2)];
    expect(cardHistories(logs, 4)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 2, deltaT: 3 },
      ],
    ]);
  });

  it('counts only reviews on a later day than the one before, and builds training items from the first of them on', () => {
    const histories = cardHistories(
      [
        log('a', at(1, 9), 3, CardState.New),
        log('a', at(1, 10), 3),
        log('a', at(2, 10), 1),
        log('a', at(9, 10), 3),
      ],
      4,
    );
    expect(countedReviews(histories)).toBe(2);
    const { ratings, deltaTs, lengths } = trainingArrays(histories);
    expect([...lengths]).toEqual([3, 4]);
    expect([...ratings]).toEqual([3, 3, 1, 3, 3, 1, 3]);
    expect([...deltaTs]).toEqual([0, 0, 1, 0, 0, 1, 7]);
  });
});
