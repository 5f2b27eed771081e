import { liveMessage, userChannel, type RealtimeData } from '@vw/domain';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { Realtime } from '../../platform/realtime/realtime';
import { presentNotification, type PresentedNotification } from './present';
import * as repo from './repo';
import { decodeCursor, encodeCursor } from '../../platform/keyset-cursor';

export interface InboxDeps {
  db: Database;
  clock: Clock;
  realtime: Realtime;
}

/** The caller's notifications, newest first, one keyset page at a time, in the caller's language. */
export async function listNotifications(
  deps: InboxDeps,
  input: { userId: string; cursor?: string; limit: number; locale: Locale },
): Promise<{ items: PresentedNotification[]; nextCursor: string | null }> {
  const position = input.cursor ? decodeCursor(input.cursor) : undefined;
  const after = position && { createdAt: position.at, id: position.id };
  const rows = await repo.listNotifications(deps.db, input.userId, { after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentNotification(row, input.locale)),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function countUnread(deps: InboxDeps, userId: string): Promise<number> {
  return repo.unreadCount(deps.db, userId);
}

/** Marks one of the caller's notifications read; someone else's is reported as not found. */
export async function markNotificationRead(
  deps: InboxDeps,
  input: { userId: string; notificationId: string; locale: Locale },
): Promise<{ notification: PresentedNotification; unreadCount: number }> {
  const row = await repo.markRead(deps.db, input.userId, input.notificationId, deps.clock.now());
  if (!row) throw new DomainError('notification_not_found', 'No such notification');
  const unreadCount = await repo.unreadCount(deps.db, input.userId);
  await announceRead(deps, input.userId, { ids: [row.id], unreadCount });
  return { notification: presentNotification(row, input.locale), unreadCount };
}

export async function markAllNotificationsRead(
  deps: InboxDeps,
  userId: string,
): Promise<{ marked: number; unreadCount: number }> {
  const marked = await repo.markAllRead(deps.db, userId, deps.clock.now());
  const unreadCount = await repo.unreadCount(deps.db, userId);
  if (marked > 0) await announceRead(deps, userId, { all: true, unreadCount });
  return { marked, unreadCount };
}

/** Keeps the badge right on the user's other open sessions. */
async function announceRead(deps: InboxDeps, userId: string, data: RealtimeData<'notifications_read'>): Promise<void> {
  await deps.realtime.publishMessage(liveMessage(userChannel(userId), 'notifications_read', data));
}
