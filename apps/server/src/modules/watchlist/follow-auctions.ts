/**
 * What an auction's lifecycle means for the people watching its story, decided in the auction's
 * own transaction: the opening and end notices are queued as jobs (a story may have many
 * watchers, and the bid that caused them should not wait on the fan-out), and the reminders are
 * armed, moved with the end, or cancelled.
 */
import type { Executor } from '../../platform/db/client';
import { cancelJob, enqueue } from '../../platform/jobs';
import type { AuctionLifecycleEvent } from '../auctions';
import type { WatchlistDeps } from './deps';
import { reminderJobKey, TASKS } from './jobs';
import { REMINDER_MINUTES_BEFORE, reminderDueAt } from './reminders';

export async function followAuction(deps: WatchlistDeps, tx: Executor, event: AuctionLifecycleEvent): Promise<void> {
  switch (event.type) {
    case 'auction.opened':
      await enqueue(tx, TASKS.opened, {
        auctionId: event.auctionId,
        storyId: event.storyId,
        makerId: event.makerId,
        openerId: event.openerId,
      });
      await armReminders(deps, tx, event.auctionId, event.endsAt);
      return;
    case 'auction.end_moved':
      await armReminders(deps, tx, event.auctionId, event.endsAt);
      return;
    case 'auction.ended':
      await cancelReminders(tx, event.auctionId);
      await enqueue(tx, TASKS.ended, {
        auctionId: event.auctionId,
        storyId: event.storyId,
        makerId: event.makerId,
        sold: event.sold,
      });
      return;
    case 'auction.cancelled':
      await cancelReminders(tx, event.auctionId);
      return;
    default: {
      const exhaustive: never = event;
      void exhaustive;
    }
  }
}

/**
 * Arms each reminder for the auction's current end, replacing any pending one for an earlier end.
 * A reminder whose time has already passed is not armed: nobody is reminded after the fact.
 */
async function armReminders(deps: WatchlistDeps, tx: Executor, auctionId: string, endsAt: Date): Promise<void> {
  const now = deps.clock.now().getTime();
  for (const minutesBefore of REMINDER_MINUTES_BEFORE) {
    const jobKey = reminderJobKey(auctionId, minutesBefore);
    const runAt = reminderDueAt(endsAt, minutesBefore, deps.auctionDurationSeconds);
    if (runAt.getTime() <= now) {
      // A pending reminder for the earlier end must not go out as if it were this one's.
      await cancelJob(tx, jobKey);
      continue;
    }
    await enqueue(tx, TASKS.reminder, { auctionId, endsAt: endsAt.toISOString(), minutesBefore }, { jobKey, runAt });
  }
}

async function cancelReminders(tx: Executor, auctionId: string): Promise<void> {
  for (const minutesBefore of REMINDER_MINUTES_BEFORE) await cancelJob(tx, reminderJobKey(auctionId, minutesBefore));
}
