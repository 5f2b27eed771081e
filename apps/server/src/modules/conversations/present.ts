import type { AccountCard } from '../identity';
import type { ConversationListRow } from './repo';
import { linksAllowed } from './rules';
import type { ConversationView, MessageView, PartyView } from './schemas';
import type { MessageRow } from './tables';

/** A message as its readers see it: erased text stays erased, links allowed by the sender's account age. */
export function presentMessage(row: MessageRow, accounts: Map<string, AccountCard>, now: Date): MessageView {
  const sender = accounts.get(row.senderId);
  const senderDeleted = row.erasedAt !== null || (sender?.deleted ?? false);
  return {
    id: row.id,
    conversationId: row.conversationId,
    senderId: row.senderId,
    text: row.erasedAt === null ? row.text : '',
    createdAt: row.createdAt.toISOString(),
    linksAllowed: !senderDeleted && linksAllowed(sender, now),
    senderDeleted,
  };
}

export function presentParty(userId: string, accounts: Map<string, AccountCard>): PartyView {
  const card = accounts.get(userId);
  return { id: userId, displayName: card?.displayName ?? 'Deleted user', deleted: card?.deleted ?? true };
}

export function presentConversation(
  row: ConversationListRow,
  context: {
    accounts: Map<string, AccountCard>;
    titles: Map<string, string>;
    blocked: boolean;
    blockedByOther: boolean;
    now: Date;
  },
): ConversationView {
  const c = row.conversation;
  return {
    id: c.id,
    subject: { type: c.subjectType, id: c.subjectId },
    storyId: c.storyId,
    title: context.titles.get(c.id) ?? '',
    otherParty: presentParty(row.otherUserId, context.accounts),
    lastMessage: row.lastMessage ? presentMessage(row.lastMessage, context.accounts, context.now) : null,
    unreadCount: row.unreadCount,
    blocked: context.blocked,
    blockedByOther: context.blockedByOther,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}
