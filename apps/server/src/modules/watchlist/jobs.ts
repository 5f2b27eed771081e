/**
 * The module's jobs. Reminders are durable timers keyed per auction and lead, so arming one again
 * (soft close moved the end) replaces the pending job; each carries the end it was armed for.
 */
import { z } from 'zod';
import { declareTask } from '../../platform/jobs';

const auction = z.object({ auctionId: z.string().min(1), storyId: z.string().min(1) });

export const TASKS = {
  opened: declareTask('watchlist:auction-opened', auction.extend({ makerId: z.string(), openerId: z.string() })),
  reminder: declareTask(
    'watchlist:reminder',
    z.object({
      auctionId: z.string().min(1),
      endsAt: z.iso.datetime(),
      minutesBefore: z.union([z.literal(60), z.literal(10)]),
    }),
  ),
  ended: declareTask('watchlist:auction-ended', auction.extend({ makerId: z.string(), sold: z.boolean() })),
};

export const reminderJobKey = (auctionId: string, minutesBefore: number): string =>
  `watch-reminder:${auctionId}:${minutesBefore}`;
