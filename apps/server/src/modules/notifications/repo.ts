import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { DeliveryChannel, DeliveryStatus } from './kinds';
import type { PreferenceOverride } from './rules';
import { deliveries, mobilePushTokens, notifications, preferences, webPushSubscriptions } from './tables';

export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type WebPushSubscriptionRow = typeof webPushSubscriptions.$inferSelect;
export type MobilePushTokenRow = typeof mobilePushTokens.$inferSelect;

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** A user's notifications, newest first, strictly after the keyset position when given. */
export async function listNotifications(
  db: Executor,
  userId: string,
  options: { after?: { createdAt: Date; id: string }; limit: number },
): Promise<NotificationRow[]> {
  const { after } = options;
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        after
          ? or(
              lt(notifications.createdAt, after.createdAt),
              and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (keeping the first read time); undefined when not theirs. */
export async function markRead(
  db: Executor,
  userId: string,
  id: string,
  now: Date,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Executor, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The delivery record of a notification on a channel, created pending on first sight. */
export async function ensureDelivery(
  db: Executor,
  notificationId: string,
  channel: DeliveryChannel,
  now: Date,
): Promise<DeliveryRow> {
  await db.insert(deliveries).values({ notificationId, channel, updatedAt: now }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.notificationId, notificationId), eq(deliveries.channel, channel)));
  return row!;
}

export async function updateDelivery(
  db: Executor,
  notificationId: string,
  channel: DeliveryChannel,
  patch: {
    status: DeliveryStatus;
    attempts?: number;
    lastError?: string | null;
    sentAt?: Date | null;
    updatedAt: Date;
  },
): Promise<void> {
  await db
    .update(deliveries)
    .set(patch)
    .where(and(eq(deliveries.notificationId, notificationId), eq(deliveries.channel, channel)));
}

export async function deliveriesOf(db: Executor, notificationId: string): Promise<DeliveryRow[]> {
  return db.select().from(deliveries).where(eq(deliveries.notificationId, notificationId));
}

export async function preferenceOverrides(db: Executor, userId: string): Promise<PreferenceOverride[]> {
  return db
    .select({ kind: preferences.kind, channel: preferences.channel, enabled: preferences.enabled })
    .from(preferences)
    .where(eq(preferences.userId, userId));
}

export async function savePreferences(
  db: Executor,
  userId: string,
  entries: readonly PreferenceOverride[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(preferences)
    .values(entries.map((e) => ({ userId, kind: e.kind, channel: e.channel, enabled: e.enabled, updatedAt: now })))
    .onConflictDoUpdate({
      target: [preferences.userId, preferences.kind, preferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
    });
}

/** Saves a browser's subscription; an endpoint seen before moves to the user now signed in on it. */
/** The subscription registered for an endpoint, locked until the transaction ends (a takeover check). */
export async function lockWebPushSubscription(db: Executor, endpoint: string): Promise<WebPushSubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(webPushSubscriptions)
    .where(eq(webPushSubscriptions.endpoint, endpoint))
    .for('update');
  return row ?? null;
}

export async function saveWebPushSubscription(
  db: Executor,
  values: Omit<WebPushSubscriptionRow, 'id'>,
): Promise<WebPushSubscriptionRow> {
  const [row] = await db
    .insert(webPushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: webPushSubscriptions.endpoint,
      set: {
        userId: values.userId,
        p256dhEncrypted: values.p256dhEncrypted,
        authEncrypted: values.authEncrypted,
        userAgent: values.userAgent,
        createdAt: values.createdAt,
      },
    })
    .returning();
  return row!;
}

export async function webPushSubscriptionsOf(db: Executor, userId: string): Promise<WebPushSubscriptionRow[]> {
  return db
    .select()
    .from(webPushSubscriptions)
    .where(eq(webPushSubscriptions.userId, userId))
    .orderBy(desc(webPushSubscriptions.createdAt));
}

export async function deleteWebPushSubscription(db: Executor, userId: string, endpoint: string): Promise<boolean> {
  const rows = await db
    .delete(webPushSubscriptions)
    .where(and(eq(webPushSubscriptions.userId, userId), eq(webPushSubscriptions.endpoint, endpoint)))
    .returning({ id: webPushSubscriptions.id });
  return rows.length > 0;
}

export async function deleteWebPushSubscriptionById(db: Executor, id: string): Promise<void> {
  await db.delete(webPushSubscriptions).where(eq(webPushSubscriptions.id, id));
}

/** Keeps a user's newest `keep` subscriptions (old browsers rarely unsubscribe). */
export async function pruneWebPushSubscriptions(db: Executor, userId: string, keep: number): Promise<void> {
  await db.execute(sql`delete from ${webPushSubscriptions} where ${webPushSubscriptions.userId} = ${userId}
    and ${webPushSubscriptions.id} not in (
      select id from ${webPushSubscriptions} where ${webPushSubscriptions.userId} = ${userId}
      order by ${webPushSubscriptions.createdAt} desc limit ${keep})`);
}

export async function saveMobilePushToken(db: Executor, values: MobilePushTokenRow): Promise<MobilePushTokenRow> {
  const [row] = await db
    .insert(mobilePushTokens)
    .values(values)
    .onConflictDoUpdate({
      target: mobilePushTokens.token,
      set: { userId: values.userId, platform: values.platform, createdAt: values.createdAt },
    })
    .returning();
  return row!;
}

export async function mobilePushTokensOf(db: Executor, userId: string): Promise<MobilePushTokenRow[]> {
  return db.select().from(mobilePushTokens).where(eq(mobilePushTokens.userId, userId));
}

export async function deleteMobilePushToken(db: Executor, token: string, userId?: string): Promise<void> {
  await db
    .delete(mobilePushTokens)
    .where(and(eq(mobilePushTokens.token, token), userId ? eq(mobilePushTokens.userId, userId) : undefined));
}

/** Everything the module holds about a user, for erasure (deliveries go with their notifications). */
export async function eraseUser(db: Executor, userId: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(preferences).where(eq(preferences.userId, userId));
  await db.delete(webPushSubscriptions).where(eq(webPushSubscriptions.userId, userId));
  await db.delete(mobilePushTokens).where(eq(mobilePushTokens.userId, userId));
}
