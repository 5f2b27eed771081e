import type { Database, Executor } from '../../platform/db/client';
import { presentNotification } from './present';
import * as repo from './repo';

const EXPORT_LIMIT = 10_000;

/** A user's notifications, preferences and registered devices, for their data export. */
export async function exportNotificationData(db: Database, userId: string): Promise<Record<string, unknown>> {
  const notifications = await repo.listNotifications(db, userId, { limit: EXPORT_LIMIT });
  const preferences = await repo.preferenceOverrides(db, userId);
  const webPush = await repo.webPushSubscriptionsOf(db, userId);
  const mobile = await repo.mobilePushTokensOf(db, userId);
  return {
    // As written (in English): the export is a record of what was sent, not a view in a language.
    notifications: notifications.map((n) => presentNotification(n, 'en')),
    preferences,
    webPushSubscriptions: webPush.map((w) => ({
      endpoint: w.endpoint,
      userAgent: w.userAgent,
      createdAt: w.createdAt.toISOString(),
    })),
    mobilePushDevices: mobile.map((m) => ({ platform: m.platform, createdAt: m.createdAt.toISOString() })),
  };
}

/** Deletes everything the module keeps about a user (inside the account-deletion transaction). */
export async function eraseNotificationData(tx: Executor, userId: string): Promise<void> {
  await repo.eraseUser(tx, userId);
}
