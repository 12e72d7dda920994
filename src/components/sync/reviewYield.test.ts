import { describe, expect, it } from 'vitest';
import { reviewYield } from './reviewYield';

/** A clock that moves only when the yield sleeps, and the sleeps it took. */
function fakeTime() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    advance: (ms: number) => (t += ms),
    slept,
  };
}

describe('sync’s yield to reviewing', () => {
  it('lets sync go on at once when nobody is rating cards', async () => {
    const time = fakeTime();
    const yielder = reviewYield(time.now, time.sleep);
    await yielder.pause();
    time.advance(60_000);
    yielder.reviewed();
    time.advance(2_000);
    await yielder.pause();
    expect(time.slept).toEqual([]);
  });

  it('holds sync back until the ratings pause, and never for more than ten seconds a step', async () => {
    const time = fakeTime();
    const yielder = reviewYield(time.now, time.sleep);
    yielder.reviewed();
    time.advance(500);
    await yielder.pause();
    expect(time.slept).toEqual([1_000]);
    // Ratings that keep coming (one during every wait): a step waits ten seconds, no more.
    const steady = reviewYield(time.now, async (ms) => {
      await time.sleep(ms);
      steady.reviewed();
    });
    steady.reviewed();
    const before = time.now();
    await steady.pause();
    expect(time.now() - before).toBe(10_000);
  });
});
