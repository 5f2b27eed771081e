/** UTC days as `YYYY-MM-DD`: the unit of every rollup and chart. */

const DAY_MS = 86_400_000;
/** A day counts as settled once rolled up this long after it ended (late commits of its last events). */
export const SETTLE_GRACE_MS = 60_000;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The half-open interval [start, end) of a day. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = dayStart(day);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export function addDays(day: string, n: number): string {
  return utcDay(new Date(dayStart(day).getTime() + n * DAY_MS));
}

/** The days from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

/** True when a rollup run at `rolledUpAt` saw every event of `day`. */
export function isSettled(day: string, rolledUpAt: Date | undefined): boolean {
  return rolledUpAt !== undefined && rolledUpAt.getTime() >= dayBounds(day).end.getTime() + SETTLE_GRACE_MS;
}

/**
 * The first day of `[first, today]` whose rollup cannot be trusted yet: from it on, figures are
 * computed live from the raw events; before it, read from the rollup tables.
 */
export function liveFrom(first: string, today: string, rolledUpAt: ReadonlyMap<string, Date>): string {
  for (const day of daysBetween(first, today)) {
    if (!isSettled(day, rolledUpAt.get(day))) return day;
  }
  return today;
}

/** True when `day` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && utcDay(dayStart(day)) === day;
}
