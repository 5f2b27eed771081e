import { useEffect, useState } from 'react';
import { useServerClock } from './clock-context';

/**
 * Server time, re-rendered on each whole step of the server's clock. Each tick reads the clock
 * afresh (never adds up intervals), so late timers or a sleeping tab cannot make it drift.
 */
export function useServerNow(stepMs = 1000): number {
  const clock = useServerClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = clock.now();
      setNow(current);
      // Wake exactly on the next whole step of server time (a timer that fires early just ticks again).
      timer = setTimeout(tick, stepMs - (((current % stepMs) + stepMs) % stepMs));
    };
    tick();
    const unsubscribe = clock.subscribe(() => setNow(clock.now()));
    const onVisible = () => {
      if (document.visibilityState === 'visible') setNow(clock.now());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [clock, stepMs]);
  return now;
}
