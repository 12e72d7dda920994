import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pauseClock, startClock } from './clock';
import { Countdown } from './Countdown';

const labels = { left: 'Time left', almost: '30 seconds left' };

describe('Countdown', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 5, 1, 10) }));
  afterEach(() => vi.useRealTimers());

  it('counts down, warns at 30 seconds left and calls time once when it runs out', () => {
    const onExpire = vi.fn();
    render(
      <Countdown
        clock={startClock(Date.now())}
        limitMs={60_000}
        sound={false}
        onExpire={onExpire}
        labels={labels}
      />,
    );
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('1:00');
    act(() => vi.advanceTimersByTime(29_000));
    expect(timer).toHaveTextContent('0:31');
    expect(timer).not.toHaveClass('countdown-warning');
    act(() => vi.advanceTimersByTime(1_500));
    expect(timer).toHaveClass('countdown-warning');
    expect(screen.getByText('30 seconds left')).toBeInTheDocument();
    expect(onExpire).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(30_000));
    expect(timer).toHaveTextContent('0:00');
    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('stands still while paused', () => {
    const onExpire = vi.fn();
    const start = Date.now();
    const { rerender } = render(
      <Countdown
        clock={startClock(start)}
        limitMs={60_000}
        sound={false}
        onExpire={onExpire}
        labels={labels}
      />,
    );
    act(() => vi.advanceTimersByTime(10_000));
    const paused = pauseClock(startClock(start), Date.now());
    rerender(<Countdown clock={paused} limitMs={60_000} sound={false} onExpire={onExpire} labels={labels} />);
    act(() => vi.advanceTimersByTime(120_000));
    expect(screen.getByRole('timer')).toHaveTextContent('0:50');
    expect(onExpire).not.toHaveBeenCalled();
  });
});
