import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { declareTask } from '../../platform/jobs';
import { notice } from '../notifications';
import type { ConversationsDeps } from './deps';
import { conversationMessages } from './messages';
import { findConversation, findSide } from './repo';

/**
 * Runs a quiet period after the first unannounced message of a conversation to a recipient.
 * Presence across server processes is not tracked, so "not connected" is judged by its effect:
 * a recipient who read the conversation within the quiet period (in the app, live) gets nothing;
 * one who did not gets one notification for every message of that period.
 */
export const NOTIFY_UNREAD_TASK = declareTask(
  'conversations:notify-unread',
  z.object({ conversationId: idSchema, recipientId: idSchema }),
);

export const notifyJobKey = (conversationId: string, recipientId: string): string =>
  `conversations.notify:${conversationId}:${recipientId}`;

/** Notifies the recipient of the conversation's unread messages, unless they read them meanwhile. */
export async function notifyUnread(
  deps: ConversationsDeps,
  payload: { conversationId: string; recipientId: string },
): Promise<'notified' | 'read' | 'gone'> {
  const [conversation, side] = await Promise.all([
    findConversation(deps.db, payload.conversationId),
    findSide(deps.db, payload.conversationId, payload.recipientId),
  ]);
  if (!conversation || !side) return 'gone';
  if (side.unreadCount === 0) return 'read';
  const [accounts, story] = await Promise.all([
    deps.identity.accountsOf([side.otherUserId]),
    deps.stories.storyTerms(conversation.storyId),
  ]);
  const sender = accounts.get(side.otherUserId);
  const from = !sender
    ? conversationMessages.phrase('someone')
    : sender.deleted
      ? conversationMessages.phrase('deletedUser')
      : sender.displayName;
  const count = side.unreadCount;
  await deps.db.transaction(async (tx) => {
    await deps.notifications.notify(tx, {
      userId: payload.recipientId,
      kind: 'message',
      message: story
        ? notice(conversationMessages, 'unreadAbout', { from, count, title: story.title })
        : notice(conversationMessages, 'unread', { from, count }),
      data: { conversationId: conversation.id, unreadCount: count },
      link: `/messages/${conversation.id}`,
      // One per conversation per quiet period: the latest message's time names the period.
      dedupeKey: `message:${conversation.id}:${side.lastActivityAt.getTime()}`,
    });
  });
  return 'notified';
}
