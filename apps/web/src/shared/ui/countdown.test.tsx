import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClockContext } from '../time/clock-context';
import { createServerClock } from '../time/server-clock';
import { Countdown } from './countdown';

const LOCAL_START = Date.UTC(2030, 0, 1, 12, 0, 0);

function renderCountdown(endsAtServerMs: number, clock = createServerClock()) {
  const onEnd = vi.fn();
  render(
    <ClockContext.Provider value={clock}>
      <Countdown endsAt={new Date(endsAtServerMs).toISOString()} onEnd={onEnd} />
    </ClockContext.Provider>,
  );
  return { clock, onEnd, text: () => screen.getByRole('timer').textContent };
}

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(LOCAL_START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts on the server clock, not the device clock', () => {
    // The device is 60 s behind the server.
    const clock = createServerClock();
    clock.sample(LOCAL_START + 60_000, LOCAL_START);
    const { text } = renderCountdown(LOCAL_START + 60_000 + 10_000, clock);
    expect(text()).toBe('0:10');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(text()).toBe('0:07');
  });

  it('picks up a corrected offset while running', () => {
    const clock = createServerClock();
    const { text } = renderCountdown(LOCAL_START + 30_000, clock);
    expect(text()).toBe('0:30');
    // A ping round trip of 40 ms reveals the server is 5 s ahead.
    act(() => clock.sample(LOCAL_START + 5_020, LOCAL_START + 40, LOCAL_START));
    expect(text()).toBe('0:25');
  });

  it('does not drift when timers fire late or the tab sleeps', () => {
    const { text } = renderCountdown(LOCAL_START + 120_000);
    expect(text()).toBe('2:00');
    // A throttled background tab: the clock moves 45 s while no timer runs, then one fires.
    act(() => {
      vi.setSystemTime(LOCAL_START + 45_000);
      vi.advanceTimersByTime(1000);
    });
    expect(text()).toBe('1:14');
    // Many uneven ticks add up to exactly the time that passed.
    for (const step of [333, 999, 1, 1700, 2967])
      act(() => {
        vi.advanceTimersByTime(step);
      });
    expect(text()).toBe('1:08');
  });

  it('shows Ended and reports the end once', () => {
    const { text, onEnd } = renderCountdown(LOCAL_START + 2000);
    act(() => {
      vi.advanceTimersByTime(2500);
    });
    expect(text()).toBe('Ended');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('marks the soft-close minutes as urgent', () => {
    renderCountdown(LOCAL_START + 9 * 60_000);
    expect(screen.getByRole('timer').getAttribute('data-urgent')).toBe('true');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('9 minutes left');
  });
});
