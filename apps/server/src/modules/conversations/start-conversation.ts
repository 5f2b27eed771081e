import { DomainError } from '../../platform/errors';
import type { ConversationsDeps } from './deps';
import { presentConversation } from './present';
import { findOrCreateConversation, hasBlocked, type ConversationListRow } from './repo';
import { orderedPair } from './rules';
import type { ConversationView, MessageView } from './schemas';
import { sendIn } from './send-message';
import type { SubjectType } from './tables';

/**
 * Opens (or finds) the conversation of the caller with a story's maker (before buying), or with
 * the other party of an order; with `text`, sends it as the next message. The same pair and
 * subject always answer the same conversation.
 */
export async function startConversation(
  deps: ConversationsDeps,
  input: { userId: string; storyId?: string | undefined; orderId?: string | undefined; text?: string | undefined },
): Promise<{ conversation: ConversationView; message: MessageView | null; created: boolean }> {
  const subject = await subjectOf(deps, input);
  const otherId = subject.otherId;
  if (otherId === input.userId)
    throw new DomainError('cannot_message_self', 'This is your own story: there is no one to message about it');
  if (await hasBlocked(deps.db, otherId, input.userId))
    throw new DomainError('blocked_by_user', 'This user blocked you: you cannot message them');
  const accounts = await deps.identity.accountsOf([input.userId, otherId]);
  if (!accounts.get(otherId) || accounts.get(otherId)!.deleted)
    throw new DomainError('recipient_unavailable', 'This account was deleted; it cannot receive messages');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { conversation, created } = await findOrCreateConversation(
      tx,
      {
        subjectType: subject.type,
        subjectId: subject.id,
        storyId: subject.storyId,
        ...orderedPair(input.userId, otherId),
      },
      now,
    );
    const message =
      input.text === undefined ? null : await sendIn(deps, tx, conversation, input.userId, otherId, input.text);
    const row: ConversationListRow = {
      conversation,
      otherUserId: otherId,
      unreadCount: 0,
      lastActivityAt: now,
      lastMessage: null,
    };
    const view = presentConversation(row, {
      accounts,
      titles: new Map([[conversation.id, subject.title]]),
      blocked: await hasBlocked(tx, input.userId, otherId),
      blockedByOther: false,
      now,
    });
    return { conversation: { ...view, lastMessage: message }, message, created };
  });
}

async function subjectOf(
  deps: ConversationsDeps,
  input: { userId: string; storyId?: string | undefined; orderId?: string | undefined },
): Promise<{ type: SubjectType; id: string; storyId: string; title: string; otherId: string }> {
  if (input.orderId !== undefined) {
    const order = await deps.orders.orderParties(input.orderId);
    // Someone else's order is answered as absent: its existence is not theirs to learn.
    if (!order || (order.buyerId !== input.userId && order.makerId !== input.userId))
      throw new DomainError('order_not_found', 'No such order of yours');
    const otherId = order.buyerId === input.userId ? order.makerId : order.buyerId;
    return { type: 'order', id: input.orderId, storyId: order.storyId, title: order.title, otherId };
  }
  const storyId = input.storyId!;
  const story = await deps.stories.storyTerms(storyId);
  if (!story || story.status === 'draft') throw new DomainError('story_not_found', 'No such story');
  return { type: 'story', id: storyId, storyId, title: story.title, otherId: story.makerId };
}
