/** A pausable stopwatch: time on the clock, pauses excluded. */
export interface Clock {
  start: number;
  pausedAt: number | null;
  pausedMs: number;
}

export const startClock = (now: number): Clock => ({ start: now, pausedAt: null, pausedMs: 0 });

export const elapsed = (c: Clock, now: number): number =>
  Math.max(0, (c.pausedAt ?? now) - c.start - c.pausedMs);

export const pauseClock = (c: Clock, now: number): Clock =>
  c.pausedAt === null ? { ...c, pausedAt: now } : c;

export const resumeClock = (c: Clock, now: number): Clock =>
  c.pausedAt === null ? c : { ...c, pausedAt: null, pausedMs: c.pausedMs + (now - c.pausedAt) };
