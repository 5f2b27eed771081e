import type { Executor } from '../../platform/db/client';
import type { ConversationsDeps } from './deps';
import {
  anonymiseReporter,
  blocksOf,
  conversationsOfUser,
  eraseBlocksOf,
  eraseMessagesOf,
  messagesSentBy,
} from './repo';

/** The user's conversations (who with, about what), every message they sent, and whom they blocked. */
export async function exportConversationData(
  deps: ConversationsDeps,
  userId: string,
): Promise<Record<string, unknown>> {
  const [conversations, sent, blocked] = await Promise.all([
    conversationsOfUser(deps.db, userId),
    messagesSentBy(deps.db, userId),
    blocksOf(deps.db, userId),
  ]);
  return {
    conversations: conversations.map((c) => ({
      id: c.id,
      subject: { type: c.subjectType, id: c.subjectId },
      otherPartyId: c.userA === userId ? c.userB : c.userA,
      createdAt: c.createdAt.toISOString(),
    })),
    messages: sent
      .filter((m) => m.erasedAt === null)
      .map((m) => ({ id: m.id, conversationId: m.conversationId, text: m.text, sentAt: m.createdAt.toISOString() })),
    blockedUsers: blocked.map((b) => ({ userId: b.blockedId, blockedAt: b.createdAt.toISOString() })),
  };
}

/**
 * A deleted account: the text of its messages is erased (each keeps its place, shown from a
 * deleted user), so the other party's side of each conversation stays readable; its blocks go,
 * and its reports stay for moderation without the reporter.
 */
export async function eraseConversationData(deps: ConversationsDeps, tx: Executor, userId: string): Promise<void> {
  await eraseMessagesOf(tx, userId, deps.clock.now());
  await eraseBlocksOf(tx, userId);
  await anonymiseReporter(tx, userId);
}
