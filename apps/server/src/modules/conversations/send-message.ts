import { liveMessage, userChannel } from '@vw/domain';
import { afterCommit } from '../../platform/db/unit-of-work';
import type { Executor } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import type { ConversationsDeps } from './deps';
import { NOTIFY_UNREAD_TASK, notifyJobKey } from './notify-unread';
import { presentMessage } from './present';
import { findConversation, hasBlocked, insertMessage, recordMessageSides, totalUnread } from './repo';
import { NOTIFY_QUIET_PERIOD_MS, otherPartyOf } from './rules';
import type { MessageView } from './schemas';
import type { ConversationRow } from './tables';

export const conversationNotFound = (): DomainError =>
  new DomainError('conversation_not_found', 'No such conversation, or you are not a party to it');

/**
 * Sends a message in a conversation the sender is a party to. Refused when the recipient blocked
 * the sender (403 `blocked_by_user`) or deleted their account. The message, both parties' sides
 * and the delayed notification job are written in one transaction; the recipient's open sessions
 * get it live after the commit.
 */
export async function sendMessage(
  deps: ConversationsDeps,
  input: { senderId: string; conversationId: string; text: string },
): Promise<MessageView> {
  const conversation = await findConversation(deps.db, input.conversationId);
  const recipientId = conversation ? otherPartyOf(conversation, input.senderId) : null;
  if (!conversation || recipientId === null) throw conversationNotFound();
  return deps.db.transaction((tx) => sendIn(deps, tx, conversation, input.senderId, recipientId, input.text));
}

/** The send itself, inside the caller's transaction (also used by a conversation's first message). */
export async function sendIn(
  deps: ConversationsDeps,
  tx: Executor,
  conversation: ConversationRow,
  senderId: string,
  recipientId: string,
  text: string,
): Promise<MessageView> {
  const accounts = await deps.identity.accountsOf([senderId, recipientId]);
  const recipient = accounts.get(recipientId);
  if (!recipient || recipient.deleted)
    throw new DomainError('recipient_unavailable', 'This account was deleted; it cannot receive messages');
  if (await hasBlocked(tx, recipientId, senderId))
    throw new DomainError('blocked_by_user', 'This user blocked you: you cannot message them');
  const now = deps.clock.now();
  const row = await insertMessage(tx, { conversationId: conversation.id, senderId, text, createdAt: now });
  const unreadInConversation = await recordMessageSides(tx, {
    conversationId: conversation.id,
    senderId,
    recipientId,
    at: now,
    countForRecipient: true,
  });
  // One pending notification per conversation and recipient: later messages join it
  // (`preserve_run_at`), so a burst of messages makes one notification after the quiet period.
  await enqueue(
    tx,
    NOTIFY_UNREAD_TASK,
    { conversationId: conversation.id, recipientId },
    {
      jobKey: notifyJobKey(conversation.id, recipientId),
      jobKeyMode: 'preserve_run_at',
      runAt: new Date(now.getTime() + NOTIFY_QUIET_PERIOD_MS),
    },
  );
  const view = presentMessage(row, accounts, now);
  const unreadCount = await totalUnread(tx, recipientId);
  afterCommit(tx, async () => {
    const data = { conversationId: conversation.id, message: view, unreadInConversation, unreadCount };
    await deps.realtime.publishMessage(liveMessage(userChannel(recipientId), 'message', data));
  });
  return view;
}
