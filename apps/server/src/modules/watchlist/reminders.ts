/**
 * The watchers' reminders before an auction ends: 1 hour and 10 minutes before, at the product's
 * 72-hour auctions. A shorter configured auction (a demo, a test) scales them down in proportion,
 * as the auctions module scales its own "ending soon" notice.
 */
const DEFAULT_AUCTION_SECONDS = 72 * 3600;

export const REMINDER_MINUTES_BEFORE = [60, 10] as const;
export type ReminderMinutes = (typeof REMINDER_MINUTES_BEFORE)[number];

/** When the reminder `minutesBefore` is due for an auction ending at `endsAt`. */
export function reminderDueAt(endsAt: Date, minutesBefore: number, auctionDurationSeconds: number): Date {
  const scale = Math.min(1, auctionDurationSeconds / DEFAULT_AUCTION_SECONDS);
  return new Date(endsAt.getTime() - minutesBefore * 60_000 * scale);
}
