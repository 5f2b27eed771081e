import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { ConversationsDeps } from './deps';
import { presentConversation } from './present';
import { blockedBy, blocksOf, listConversationsOf } from './repo';
import type { ConversationView } from './schemas';

/** The caller's conversations, latest activity first, each with its unread count and latest visible message. */
export async function listConversations(
  deps: ConversationsDeps,
  userId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: ConversationView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listConversationsOf(deps.db, userId, after, query.limit);
  const page = pageOf(rows, query.limit, (r) => ({ at: r.lastActivityAt, id: r.conversation.id }));
  const others = page.items.map((r) => r.otherUserId);
  const senders = page.items.flatMap((r) => (r.lastMessage ? [r.lastMessage.senderId] : []));
  const [accounts, stories, mine, theirs] = await Promise.all([
    deps.identity.accountsOf([userId, ...others, ...senders]),
    deps.stories.storiesByIds(page.items.map((r) => r.conversation.storyId)),
    blocksOf(deps.db, userId),
    blockedBy(deps.db, userId, others),
  ]);
  const blocked = new Set(mine.map((b) => b.blockedId));
  const titles = new Map(page.items.map((r) => [r.conversation.id, stories.get(r.conversation.storyId)?.title ?? '']));
  const now = deps.clock.now();
  return {
    items: page.items.map((r) =>
      presentConversation(r, {
        accounts,
        titles,
        blocked: blocked.has(r.otherUserId),
        blockedByOther: theirs.has(r.otherUserId),
        now,
      }),
    ),
    nextCursor: page.nextCursor,
  };
}
