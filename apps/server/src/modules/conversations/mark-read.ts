import { liveMessage, userChannel } from '@vw/domain';
import { afterCommit } from '../../platform/db/unit-of-work';
import type { ConversationsDeps } from './deps';
import { findSide, markSideRead, totalUnread } from './repo';
import { conversationNotFound } from './send-message';

/**
 * Marks a conversation read for the caller: its unread count drops to zero, the pending
 * notification finds nothing to announce, and the caller's other sessions update their badge.
 */
export async function markRead(
  deps: ConversationsDeps,
  userId: string,
  conversationId: string,
): Promise<{ unreadCount: number }> {
  if (!(await findSide(deps.db, conversationId, userId))) throw conversationNotFound();
  return deps.db.transaction(async (tx) => {
    const changed = await markSideRead(tx, conversationId, userId, deps.clock.now());
    const unreadCount = await totalUnread(tx, userId);
    if (changed) {
      afterCommit(tx, () =>
        deps.realtime.publishMessage(
          liveMessage(userChannel(userId), 'conversation_read', { conversationId, unreadCount }),
        ),
      );
    }
    return { unreadCount };
  });
}
