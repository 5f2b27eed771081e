/** The conversation rules, as plain functions of data and time. */

/** The longest message, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Links in a message become clickable only once the sender's account is this old. */
export const LINKS_ALLOWED_AFTER_MS = 7 * 24 * 3600 * 1000;

/**
 * How long a recipient has to read a message before it is announced by a notification; every
 * message in that time is announced by the same one notification.
 */
export const NOTIFY_QUIET_PERIOD_MS = 10 * 60 * 1000;

/** Messages one sender may send in a minute (all conversations together). */
export const MESSAGES_PER_SENDER_PER_MINUTE = 20;

/** The pair in its stored order, so the same two users always make the same key. */
export function orderedPair(one: string, other: string): { userA: string; userB: string } {
  return one < other ? { userA: one, userB: other } : { userA: other, userB: one };
}

/** The other party of a conversation seen by `userId`, or null when `userId` is not a party. */
export function otherPartyOf(pair: { userA: string; userB: string }, userId: string): string | null {
  if (pair.userA === userId) return pair.userB;
  if (pair.userB === userId) return pair.userA;
  return null;
}

/**
 * Whether links in a message from this sender may be made clickable: only for accounts at least
 * seven days old, so fresh accounts made for spam or phishing cannot plant working links.
 */
export function linksAllowed(sender: { createdAt: Date; deleted: boolean } | undefined, now: Date): boolean {
  if (sender === undefined || sender.deleted) return false;
  return now.getTime() - sender.createdAt.getTime() >= LINKS_ALLOWED_AFTER_MS;
}
