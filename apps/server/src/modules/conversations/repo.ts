/** All SQL of the conversations module. */
import { and, desc, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { KeysetPosition } from '../../platform/keyset-cursor';
import {
  blocks,
  conversations,
  messageReports,
  messages,
  participants,
  type ConversationRow,
  type MessageRow,
  type SubjectType,
} from './tables';

export async function findConversation(db: Executor, id: string): Promise<ConversationRow | null> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
  return row ?? null;
}

/**
 * The conversation of this pair about this subject, created (with both parties' sides) when it
 * does not exist yet. Concurrent first messages find the same conversation: the unique key decides.
 */
export async function findOrCreateConversation(
  tx: Executor,
  key: { subjectType: SubjectType; subjectId: string; storyId: string; userA: string; userB: string },
  now: Date,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const [inserted] = await tx
    .insert(conversations)
    .values({ ...key, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await tx.insert(participants).values([
      { conversationId: inserted.id, userId: key.userA, otherUserId: key.userB, lastActivityAt: now },
      { conversationId: inserted.id, userId: key.userB, otherUserId: key.userA, lastActivityAt: now },
    ]);
    return { conversation: inserted, created: true };
  }
  const [existing] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.subjectType, key.subjectType),
        eq(conversations.subjectId, key.subjectId),
        eq(conversations.userA, key.userA),
        eq(conversations.userB, key.userB),
      ),
    );
  return { conversation: existing!, created: false };
}

export async function insertMessage(tx: Executor, row: typeof messages.$inferInsert): Promise<MessageRow> {
  const [inserted] = await tx.insert(messages).values(row).returning();
  return inserted!;
}

/**
 * After a message: both sides move to the top of their lists; the sender has read up to it; the
 * recipient has one more unread unless they blocked the sender (hidden messages are not counted).
 * Returns the recipient's unread count in this conversation.
 */
export async function recordMessageSides(
  tx: Executor,
  input: { conversationId: string; senderId: string; recipientId: string; at: Date; countForRecipient: boolean },
): Promise<number> {
  await tx
    .update(participants)
    .set({ lastActivityAt: input.at, lastReadAt: input.at, unreadCount: 0 })
    .where(and(eq(participants.conversationId, input.conversationId), eq(participants.userId, input.senderId)));
  const [recipient] = await tx
    .update(participants)
    .set({
      lastActivityAt: input.at,
      unreadCount: input.countForRecipient ? sql`${participants.unreadCount} + 1` : participants.unreadCount,
    })
    .where(and(eq(participants.conversationId, input.conversationId), eq(participants.userId, input.recipientId)))
    .returning({ unreadCount: participants.unreadCount });
  return recipient?.unreadCount ?? 0;
}

/** The user's side of a conversation, or null when they are not a party. */
export async function findSide(
  db: Executor,
  conversationId: string,
  userId: string,
): Promise<typeof participants.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)));
  return row ?? null;
}

/** Marks the conversation read for the user; true when something was unread. */
export async function markSideRead(tx: Executor, conversationId: string, userId: string, at: Date): Promise<boolean> {
  const [before] = await tx
    .select({ unreadCount: participants.unreadCount })
    .from(participants)
    .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)))
    .for('update');
  await tx
    .update(participants)
    .set({ lastReadAt: at, unreadCount: 0 })
    .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)));
  return (before?.unreadCount ?? 0) > 0;
}

/** Unread messages over all the user's conversations. */
export async function totalUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${participants.unreadCount}), 0)::int` })
    .from(participants)
    .where(eq(participants.userId, userId));
  return row?.n ?? 0;
}

export interface ConversationListRow {
  conversation: ConversationRow;
  otherUserId: string;
  unreadCount: number;
  lastActivityAt: Date;
  lastMessage: MessageRow | null;
}

/**
 * The user's conversations, latest activity first, by keyset on (last activity, id). Each with
 * its latest message the user may see (a blocked user's messages are hidden from the blocker).
 */
export function conversationListQuery(userId: string, after: KeysetPosition | null, limit: number) {
  return sql`
    select c.id, c.subject_type, c.subject_id, c.story_id, c.user_a, c.user_b, c.created_at,
      p.other_user_id, p.unread_count, p.last_activity_at,
      m.id as m_id, m.sender_id as m_sender_id, m.text as m_text, m.created_at as m_created_at,
      m.erased_at as m_erased_at
    from conversations.participants p
    join conversations.conversations c on c.id = p.conversation_id
    left join lateral (
      select * from conversations.messages mm
      where mm.conversation_id = p.conversation_id
        and not exists (
          select 1 from conversations.blocks b where b.blocker_id = p.user_id and b.blocked_id = mm.sender_id
        )
      order by mm.created_at desc, mm.id desc
      limit 1
    ) m on true
    where p.user_id = ${userId}
      ${after ? sql`and (p.last_activity_at, p.conversation_id) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : sql``}
    order by p.last_activity_at desc, p.conversation_id desc
    limit ${limit + 1}`;
}

interface RawListRow extends Record<string, unknown> {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  story_id: string;
  user_a: string;
  user_b: string;
  created_at: string;
  other_user_id: string;
  unread_count: number;
  last_activity_at: string;
  m_id: string | null;
  m_sender_id: string | null;
  m_text: string | null;
  m_created_at: string | null;
  m_erased_at: string | null;
}

export async function listConversationsOf(
  db: Executor,
  userId: string,
  after: KeysetPosition | null,
  limit: number,
): Promise<ConversationListRow[]> {
  const result = await db.execute<RawListRow>(conversationListQuery(userId, after, limit));
  return result.rows.map((r) => ({
    conversation: {
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      storyId: r.story_id,
      userA: r.user_a,
      userB: r.user_b,
      createdAt: new Date(r.created_at),
    },
    otherUserId: r.other_user_id,
    unreadCount: r.unread_count,
    lastActivityAt: new Date(r.last_activity_at),
    lastMessage:
      r.m_id === null
        ? null
        : {
            id: r.m_id,
            conversationId: r.id,
            senderId: r.m_sender_id!,
            text: r.m_text!,
            createdAt: new Date(r.m_created_at!),
            erasedAt: r.m_erased_at === null ? null : new Date(r.m_erased_at),
          },
  }));
}

/**
 * One page of a thread, newest first, by keyset on (createdAt, id), served by the thread index
 * however long the conversation. `hiddenSenderId`: a user the reader blocked, whose messages
 * the reader does not see.
 */
export function threadQuery(
  db: Executor,
  conversationId: string,
  hiddenSenderId: string | null,
  after: KeysetPosition | null,
  limit: number,
) {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        hiddenSenderId ? sql`${messages.senderId} <> ${hiddenSenderId}` : undefined,
        after
          ? sql`(${messages.createdAt}, ${messages.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
}

export async function findMessage(db: Executor, id: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row ?? null;
}

// ---- blocks ----

/**
 * The same question as a condition, for a statement that reads other things too (a bid reads the
 * auction and the block in one round trip). `blockerId` may be a column of that statement.
 */
export function blockedCondition(blockerId: SQLWrapper | string, blockedId: SQLWrapper | string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${blocks} where ${blocks.blockerId} = ${blockerId} and ${blocks.blockedId} = ${blockedId})`;
}

export async function hasBlocked(db: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const [row] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));
  return row !== undefined;
}

export async function addBlock(db: Executor, blockerId: string, blockedId: string, at: Date): Promise<void> {
  await db.insert(blocks).values({ blockerId, blockedId, createdAt: at }).onConflictDoNothing();
}

export async function removeBlock(db: Executor, blockerId: string, blockedId: string): Promise<void> {
  await db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));
}

export async function blocksOf(db: Executor, blockerId: string): Promise<{ blockedId: string; createdAt: Date }[]> {
  return db
    .select({ blockedId: blocks.blockedId, createdAt: blocks.createdAt })
    .from(blocks)
    .where(eq(blocks.blockerId, blockerId))
    .orderBy(desc(blocks.createdAt));
}

/** Which of `userIds` blocked `userId`. */
export async function blockedBy(db: Executor, userId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockedId, userId), inArray(blocks.blockerId, userIds)));
  return new Set(rows.map((r) => r.blockerId));
}

// ---- reports ----

/** Files a report; a second report of the same message by the same reporter is the first one. */
export async function insertReport(
  tx: Executor,
  row: { messageId: string; conversationId: string; reporterId: string; reason: string; createdAt: Date },
): Promise<{ id: string; created: boolean }> {
  const [inserted] = await tx
    .insert(messageReports)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: messageReports.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await tx
    .select({ id: messageReports.id })
    .from(messageReports)
    .where(and(eq(messageReports.messageId, row.messageId), eq(messageReports.reporterId, row.reporterId)));
  return { id: existing!.id, created: false };
}

export async function isReported(db: Executor, conversationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: messageReports.id })
    .from(messageReports)
    .where(eq(messageReports.conversationId, conversationId))
    .limit(1);
  return row !== undefined;
}

export async function reportsOfConversation(db: Executor, conversationId: string) {
  return db
    .select()
    .from(messageReports)
    .where(eq(messageReports.conversationId, conversationId))
    .orderBy(desc(messageReports.createdAt));
}

/** Reported messages, newest report first, by keyset on (createdAt, id). */
export async function listReports(db: Executor, after: KeysetPosition | null, limit: number) {
  return db
    .select({ report: messageReports, message: messages })
    .from(messageReports)
    .innerJoin(messages, eq(messages.id, messageReports.messageId))
    .where(
      after
        ? sql`(${messageReports.createdAt}, ${messageReports.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(messageReports.createdAt), desc(messageReports.id))
    .limit(limit + 1);
}

// ---- a user's data ----

export async function messagesSentBy(db: Executor, userId: string): Promise<MessageRow[]> {
  return db.select().from(messages).where(eq(messages.senderId, userId)).orderBy(messages.createdAt);
}

export async function conversationsOfUser(db: Executor, userId: string): Promise<ConversationRow[]> {
  return db
    .select()
    .from(conversations)
    .where(or(eq(conversations.userA, userId), eq(conversations.userB, userId)));
}

/** Erases the text of every message the user sent; the messages keep their place in the threads. */
export async function eraseMessagesOf(tx: Executor, userId: string, at: Date): Promise<void> {
  await tx.update(messages).set({ text: '', erasedAt: at }).where(eq(messages.senderId, userId));
}

export async function eraseBlocksOf(tx: Executor, userId: string): Promise<void> {
  await tx.delete(blocks).where(or(eq(blocks.blockerId, userId), eq(blocks.blockedId, userId)));
}

export async function anonymiseReporter(tx: Executor, userId: string): Promise<void> {
  await tx.update(messageReports).set({ reporterId: null }).where(eq(messageReports.reporterId, userId));
}
