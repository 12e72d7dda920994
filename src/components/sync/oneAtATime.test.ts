import { describe, expect, it } from 'vitest';
import { oneAtATime } from './oneAtATime';

/** A piece of work that runs until the test lets it end, counting its runs. */
function heldWork() {
  const ends: (() => void)[] = [];
  let runs = 0;
  const work = () => {
    runs++;
    return new Promise<void>((end) => ends.push(end));
  };
  return { work, runs: () => runs, end: () => ends.shift()?.() };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneAtATime', () => {
  it('runs once more after the run under way when asked meanwhile, however often', async () => {
    const held = heldWork();
    const ask = oneAtATime(held.work);
    const first = ask();
    const second = ask();
    const third = ask();
    expect(second).toBe(third);
    await settled();
    expect(held.runs()).toBe(1);
    held.end();
    await first;
    await settled();
    expect(held.runs()).toBe(2);
    held.end();
    await second;
    await settled();
    expect(held.runs()).toBe(2);
  });

  it('runs at once when nothing runs, and again when asked after a run has ended', async () => {
    const held = heldWork();
    const ask = oneAtATime(held.work);
    const first = ask();
    held.end();
    await first;
    const later = ask();
    expect(held.runs()).toBe(2);
    held.end();
    await later;
  });

  it('goes on after a run that failed', async () => {
    let runs = 0;
    const ask = oneAtATime(async () => {
      runs++;
      if (runs === 1) throw new Error('server down');
    });
    const first = ask();
    const second = ask();
    await expect(first).rejects.toThrow('server down');
    await second;
    expect(runs).toBe(2);
  });
});
