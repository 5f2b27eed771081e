import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../platform/i18n';
import { deliveryChannels, deliveryStatuses, notificationKinds, optionalChannels } from './kinds';

export const notificationsSchema = pgSchema('notifications');

/** The outbox and the in-app notification centre: one row per notification to one user. */
export const notifications = notificationsSchema.table(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** In English; `messageKey` renders them in the reader's language. */
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The catalogue's pair of messages (`namespace.name`: its `.title` and `.body`); null: shown as written. */
    messageKey: text('message_key'),
    /** The messages' values (money in minor units with its currency, instants in ISO 8601). */
    messageValues: jsonb('message_values').$type<MessageValues>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    link: text('link'),
    /** Set by the causing module so a repeated cause (a retried job, a replayed webhook) is a no-op. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    // Keyset pagination: newest first per user.
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** What happened to a notification on each channel; a sent or skipped row is never sent again. */
export const deliveries = notificationsSchema.table(
  'deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.channel] })],
);

/** A user's choice for one kind on one channel; absent rows mean the kind's default. */
export const preferences = notificationsSchema.table(
  'preferences',
  {
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    channel: text('channel', { enum: optionalChannels }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] })],
);

/** Browser push subscriptions (Push API); the keys are personal data and stored encrypted. */
export const webPushSubscriptions = notificationsSchema.table(
  'web_push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dhEncrypted: text('p256dh_encrypted').notNull(),
    authEncrypted: text('auth_encrypted').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('web_push_subscriptions_endpoint_key').on(t.endpoint),
    index('web_push_subscriptions_user_idx').on(t.userId),
  ],
);

/** Device tokens of the mobile apps (FCM registration tokens / APNs device tokens). */
export const mobilePushTokens = notificationsSchema.table(
  'mobile_push_tokens',
  {
    token: text('token').primaryKey(),
    userId: uuid('user_id').notNull(),
    platform: text('platform', { enum: ['ios', 'android'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mobile_push_tokens_user_idx').on(t.userId)],
);
