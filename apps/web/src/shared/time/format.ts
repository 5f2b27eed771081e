/**
 * Times as the viewer reads them, through `Intl` in the viewer's locale: time left ("3 h 5 min"),
 * dates, and how long ago ("5 minutes ago", "há 5 minutos").
 */
import { t } from '@lingui/core/macro';
import { formatTag } from '../i18n/i18n';

interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}
/** `Intl.DurationFormat` (in every current browser and Node 24, not yet in TypeScript's lib). */
interface DurationFormatter {
  format(duration: Duration): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'narrow' | 'long'; minutesDisplay?: 'always'; secondsDisplay?: 'always' },
) => DurationFormatter;
const DurationFormat = (Intl as unknown as { DurationFormat: DurationFormatConstructor }).DurationFormat;

const cache = new Map<string, DurationFormatter | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends DurationFormatter | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  const full = `${formatTag()}|${key}`;
  let value = cache.get(full) as T | undefined;
  if (!value) {
    value = make();
    cache.set(full, value);
  }
  return value;
}

function parts(ms: number): Required<Duration> {
  const total = Math.ceil(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** Time left, short: "2d 3h", "3h 5m 9s", "4:09" in en; "2 d 3 h", "3 h 5 min 9 s" in pt. */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return t`Ended`;
  const { days, hours, minutes, seconds } = parts(ms);
  const narrow = cached('narrow', () => new DurationFormat(formatTag(), { style: 'narrow' }));
  if (days > 0) return narrow.format({ days, hours });
  if (hours > 0) return narrow.format({ hours, minutes, seconds });
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Time left spoken in full, for screen readers ("3 hours, 5 minutes left"). */
export function describeTimeLeft(ms: number): string {
  if (ms <= 0) return t`Ended`;
  const { days, hours, minutes, seconds } = parts(ms);
  const duration: Duration = days
    ? { days, hours }
    : hours
      ? { hours, minutes }
      : minutes >= 5
        ? { minutes }
        : { minutes, seconds };
  const long = cached('long', () => new DurationFormat(formatTag(), { style: 'long' }));
  const left = long.format(duration);
  return t`${left} left`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    'datetime',
    () => new Intl.DateTimeFormat(formatTag(), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached('day', () => new Intl.DateTimeFormat(formatTag(), { month: 'short', day: 'numeric' })).format(date);
}

/** How long ago, for lists: "just now", "5 minutes ago", "3 hours ago", then the day. */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  const relative = cached(
    'relative',
    () => new Intl.RelativeTimeFormat(formatTag(), { numeric: 'auto', style: 'long' }),
  );
  if (seconds < 60) return relative.format(0, 'second');
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  return formatDay(iso);
}
