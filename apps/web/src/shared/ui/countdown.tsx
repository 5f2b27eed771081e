import { useEffect, useRef } from 'react';
import { describeTimeLeft, formatTimeLeft } from '../time/format';
import { useServerNow } from '../time/use-server-now';

/**
 * Time left until `endsAt`, on the server's clock. `urgentBelowMs` styles the last minutes (the
 * soft-close window). The visible text ticks; screen readers get a calmer label.
 */
export function Countdown({
  endsAt,
  urgentBelowMs = 10 * 60_000,
  onEnd,
  className = '',
}: {
  endsAt: string;
  urgentBelowMs?: number;
  onEnd?: () => void;
  className?: string;
}) {
  const now = useServerNow();
  const end = Date.parse(endsAt);
  const left = Number.isFinite(end) ? end - now : 0;
  const ended = left <= 0;
  const fired = useRef(false);
  useEffect(() => {
    if (!ended) fired.current = false;
    else if (!fired.current) {
      fired.current = true;
      onEnd?.();
    }
  }, [ended, onEnd]);
  const urgent = !ended && left < urgentBelowMs;
  return (
    <time
      role="timer"
      dateTime={endsAt}
      aria-label={describeTimeLeft(left)}
      className={`countdown ${urgent ? 'countdown-urgent' : ''} ${className}`}
      data-urgent={urgent || undefined}
    >
      {formatTimeLeft(left)}
    </time>
  );
}
