/**
 * The watchers' notices, run as jobs. Each notification carries a dedupe key per auction (and per
 * reminder), so a retried or repeated job never notifies anyone twice.
 */
import type { MessageValue } from '../../platform/i18n';
import { notice, type NotificationMessage, type NotifyInput } from '../notifications';
import type { WatchlistDeps } from './deps';
import { watchlistMessages } from './messages';
import { reminderDueAt, type ReminderMinutes } from './reminders';
import { watchersOf } from './repo';

const storyLink = (storyId: string) => `/stories/${storyId}`;

/** The story's title; when it is gone, words that say so in each reader's language. */
async function titleOf(deps: WatchlistDeps, storyId: string): Promise<MessageValue> {
  return (await deps.stories.storiesByIds([storyId])).get(storyId)?.title ?? watchlistMessages.phrase('pieceYouWatch');
}

/** Tells everyone watching the story that an auction opened on it (not its maker, nor the opener). */
export async function tellAuctionOpened(
  deps: WatchlistDeps,
  input: { auctionId: string; storyId: string; makerId: string; openerId: string },
): Promise<void> {
  const title = await titleOf(deps, input.storyId);
  await deps.db.transaction(async (tx) => {
    for (const userId of await watchersOf(tx, input.storyId)) {
      if (userId === input.makerId || userId === input.openerId) continue;
      await deps.notifications.notify(
        tx,
        watcherNotice(input, userId, 'watched_auction_started', {
          message: notice(watchlistMessages, 'auctionOpened', { title }),
          dedupeKey: `watched_auction_started:${input.auctionId}`,
        }),
      );
    }
  });
}

/**
 * A reminder before the end. It goes out only if the auction still runs and still ends when the
 * reminder was armed for (soft close moved it otherwise, and the reminder for the new end is
 * armed separately), and only to those who watched the story by the reminder's time.
 */
export async function remindWatchers(
  deps: WatchlistDeps,
  input: { auctionId: string; endsAt: string; minutesBefore: ReminderMinutes },
): Promise<void> {
  const auction = await deps.auctions.auctionTiming(input.auctionId);
  if (auction === null || auction.status !== 'active') return;
  if (auction.endsAt.getTime() !== Date.parse(input.endsAt)) return;
  const dueAt = reminderDueAt(auction.endsAt, input.minutesBefore, deps.auctionDurationSeconds);
  const title = await titleOf(deps, auction.storyId);
  await deps.db.transaction(async (tx) => {
    for (const userId of await watchersOf(tx, auction.storyId, dueAt)) {
      await deps.notifications.notify(
        tx,
        watcherNotice(auction, userId, 'watched_ending_soon', {
          message: notice(watchlistMessages, 'endingSoon', { title, minutes: input.minutesBefore }),
          dedupeKey: `watched_ending_soon:${input.auctionId}:${input.minutesBefore}`,
        }),
      );
    }
  });
}

/** Tells everyone watching the story that its auction ended (not its maker). */
export async function tellAuctionEnded(
  deps: WatchlistDeps,
  input: { auctionId: string; storyId: string; makerId: string; sold: boolean },
): Promise<void> {
  const title = await titleOf(deps, input.storyId);
  await deps.db.transaction(async (tx) => {
    for (const userId of await watchersOf(tx, input.storyId)) {
      if (userId === input.makerId) continue;
      await deps.notifications.notify(
        tx,
        watcherNotice(input, userId, 'watched_auction_ended', {
          message: notice(watchlistMessages, 'auctionEnded', { title, sold: input.sold ? 'yes' : 'no' }),
          dedupeKey: `watched_auction_ended:${input.auctionId}`,
        }),
      );
    }
  });
}

function watcherNotice(
  auction: { auctionId: string; storyId: string },
  userId: string,
  kind: NotifyInput['kind'],
  text: { message: NotificationMessage; dedupeKey: string },
): NotifyInput {
  return {
    userId,
    kind,
    ...text,
    link: storyLink(auction.storyId),
    data: { auctionId: auction.auctionId, storyId: auction.storyId },
  };
}
