import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { ConversationsDeps } from './deps';
import { presentConversation, presentMessage } from './present';
import { blocksOf, findConversation, findSide, hasBlocked, threadQuery, type ConversationListRow } from './repo';
import type { ConversationView, MessageView } from './schemas';
import { conversationNotFound } from './send-message';

/**
 * One page of a conversation's messages, newest first (pass `nextCursor` back to load older
 * ones). Only its parties read it; the messages of a user the reader blocked are left out.
 */
export async function readThread(
  deps: ConversationsDeps,
  userId: string,
  conversationId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const side = await findSide(deps.db, conversationId, userId);
  if (!side) throw conversationNotFound();
  const hidden = (await hasBlocked(deps.db, userId, side.otherUserId)) ? side.otherUserId : null;
  return threadPage(deps, conversationId, hidden, query);
}

/** A page of the thread as anyone allowed to read it sees it (`hiddenSenderId`: left out). */
export async function threadPage(
  deps: ConversationsDeps,
  conversationId: string,
  hiddenSenderId: string | null,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await threadQuery(deps.db, conversationId, hiddenSenderId, after, query.limit);
  const page = pageOf(rows, query.limit, (m) => ({ at: m.createdAt, id: m.id }));
  const accounts = await deps.identity.accountsOf(page.items.map((m) => m.senderId));
  const now = deps.clock.now();
  return { items: page.items.map((m) => presentMessage(m, accounts, now)), nextCursor: page.nextCursor };
}

/** One conversation as its party sees it in the list (for opening a thread directly). */
export async function getConversation(
  deps: ConversationsDeps,
  userId: string,
  conversationId: string,
): Promise<ConversationView> {
  const [conversation, side] = await Promise.all([
    findConversation(deps.db, conversationId),
    findSide(deps.db, conversationId, userId),
  ]);
  if (!conversation || !side) throw conversationNotFound();
  const [accounts, story, mine, theirs] = await Promise.all([
    deps.identity.accountsOf([userId, side.otherUserId]),
    deps.stories.storyTerms(conversation.storyId),
    blocksOf(deps.db, userId),
    hasBlocked(deps.db, side.otherUserId, userId),
  ]);
  const blocked = mine.some((b) => b.blockedId === side.otherUserId);
  const latest = await threadQuery(deps.db, conversationId, blocked ? side.otherUserId : null, null, 1);
  const row: ConversationListRow = {
    conversation,
    otherUserId: side.otherUserId,
    unreadCount: side.unreadCount,
    lastActivityAt: side.lastActivityAt,
    lastMessage: latest[0] ?? null,
  };
  return presentConversation(row, {
    accounts,
    titles: new Map([[conversation.id, story?.title ?? '']]),
    blocked,
    blockedByOther: theirs,
    now: deps.clock.now(),
  });
}
