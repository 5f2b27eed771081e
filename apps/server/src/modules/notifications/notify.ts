import type { Clock } from '../../platform/clock';
import type { Executor } from '../../platform/db/client';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addJobCall } from '../../platform/jobs';
import type { NotificationKind } from './kinds';
import { notifications } from './tables';

export const DELIVER_TASK = 'notifications.deliver';
/** Generous: a breaker-deferred channel consumes job attempts without being tried. */
export const DELIVER_MAX_ATTEMPTS = 25;

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  dedupeKey?: string;
  link?: string;
}

export const deliverJobKey = (notificationId: string): string => `notifications.deliver:${notificationId}`;

/**
 * Writes a notification and its delivery job in the caller's transaction (outbox): both exist
 * if and only if the causing change commits. A repeated `dedupeKey` for the user is a no-op.
 * Returns the new notification's id, or null when it was a duplicate.
 */
export async function notifyUser(tx: Executor, clock: Clock, input: NotifyInput): Promise<string | null> {
  const id = randomUUID();
  const written = tx
    .insert(notifications)
    .values({
      id,
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      data: input.data ?? {},
      link: input.link ?? null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: clock.now(),
    })
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  // One statement: the delivery job is added only when the notification was written.
  const result = await tx.execute(sql`with written as (${written.getSQL()})
    select ${addJobCall(
      DELIVER_TASK,
      { notificationId: id },
      { jobKey: deliverJobKey(id), jobKeyMode: 'preserve_run_at', maxAttempts: DELIVER_MAX_ATTEMPTS },
    )} from written`);
  return result.rows.length > 0 ? id : null;
}
