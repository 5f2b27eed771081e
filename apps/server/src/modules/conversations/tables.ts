import { sql } from 'drizzle-orm';
import { check, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const conversationsSchema = pgSchema('conversations');

export const SUBJECT_TYPES = ['story', 'order'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * A conversation between two users about one subject: a story (a buyer asking its maker before
 * buying) or an order (its buyer and maker). The pair is stored in a fixed order (`userA < userB`)
 * so the same pair and subject always find the same conversation.
 */
export const conversations = conversationsSchema.table(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: SUBJECT_TYPES }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The story the conversation is about (an order's story too), for its title and link. */
    storyId: uuid('story_id').notNull(),
    userA: uuid('user_a').notNull(),
    userB: uuid('user_b').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('conversations_pair_subject_key').on(t.subjectType, t.subjectId, t.userA, t.userB),
    check('conversations_pair_ordered', sql`${t.userA} < ${t.userB}`),
    check('conversations_subject_known', sql`${t.subjectType} in ('story', 'order')`),
  ],
);

/**
 * Each party's side of a conversation: what they last read, how many messages wait for them, and
 * the time of the latest message (the key of their conversation list, read by keyset).
 */
export const participants = conversationsSchema.table(
  'participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    otherUserId: uuid('other_user_id').notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, precision: 3 }).notNull(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true, precision: 3 }),
    unreadCount: integer('unread_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    // Read backwards for newest first (a plain index matches `order by … desc` exactly).
    index('participants_user_activity_idx').on(t.userId, t.lastActivityAt, t.conversationId),
    check('participants_unread_positive', sql`${t.unreadCount} >= 0`),
  ],
);

/**
 * One message. A deleted account's messages keep their place with the text erased, so the other
 * party's side of the conversation stays readable.
 */
export const messages = conversationsSchema.table(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    // The thread, newest first, read backwards by keyset (createdAt, id).
    index('messages_thread_idx').on(t.conversationId, t.createdAt, t.id),
    index('messages_sender_idx').on(t.senderId),
    check('messages_text_length', sql`${t.erasedAt} is not null or char_length(${t.text}) between 1 and 2000`),
  ],
);

/** A report of a message: admins may then read the whole conversation (audited). */
export const messageReports = conversationsSchema.table(
  'message_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null once the reporter deleted their account (the report stays for moderation). */
    reporterId: uuid('reporter_id'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('message_reports_reporter_key').on(t.messageId, t.reporterId),
    index('message_reports_created_idx').on(t.createdAt, t.id),
    index('message_reports_conversation_idx').on(t.conversationId),
  ],
);

/** A user blocking another: the blocked user cannot message them, nor offer or bid on their stories. */
export const blocks = conversationsSchema.table(
  'blocks',
  {
    blockerId: uuid('blocker_id').notNull(),
    blockedId: uuid('blocked_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('blocks_blocked_idx').on(t.blockedId),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
