import type { Clock } from '../../platform/clock';
import type { Executor } from '../../platform/db/client';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { addJobCall, declareTask } from '../../platform/jobs';
import type { NotificationKind } from './kinds';
import { renderNotification, type NotificationMessage } from './message';
import { notifications } from './tables';

export const DELIVER_TASK = declareTask('notifications:deliver', z.object({ notificationId: idSchema }), {
  formerNames: ['notifications.deliver'],
});
/** Generous: a breaker-deferred channel consumes job attempts without being tried. */
export const DELIVER_MAX_ATTEMPTS = 25;

interface NotifyCommon {
  userId: string;
  kind: NotificationKind;
  data?: Record<string, unknown>;
  dedupeKey?: string;
  link?: string;
}

/**
 * A notification to write: its words as a catalogue message (`notice(catalogue, name, values)`),
 * shown in each reader's language; or, for words that are not the product's own, a title and a
 * body shown as written.
 */
export type NotifyInput = NotifyCommon &
  (
    | { message: NotificationMessage; title?: undefined; body?: undefined }
    | { message?: undefined; title: string; body: string }
  );

/** The columns of a notification's words: the English, and the message to render it again in any language. */
function words(input: NotifyInput) {
  if (!input.message) return { title: input.title, body: input.body, messageKey: null, messageValues: null };
  const english = renderNotification(input.message, 'en');
  return { ...english, messageKey: input.message.key, messageValues: input.message.values };
}

export const deliverJobKey = (notificationId: string): string => `notifications.deliver:${notificationId}`;

/** How long the first of a burst of superseding notices waits for newer ones (see `Superseding`). */
export const SUPERSEDE_WINDOW_MS = 2_000;

/** The delivery job shared by a person's notices that supersede each other (see `Superseding`). */
export const supersedingJobKey = (userId: string, supersedeKey: string): string =>
  `notifications.deliver-latest:${userId}:${supersedeKey}`;

/**
 * A notice that supersedes the earlier ones of its `supersedeKey` for the same person (each outbid
 * on one auction shows the new high bid): it is delivered `SUPERSEDE_WINDOW_MS` after the first
 * of a burst, and a newer one written meanwhile takes the waiting one's place in the same job, so
 * a bidding war reaches the person's devices at most once a window, with the latest words,
 * instead of once per notice. Every notice is still written to the inbox at once. A notice whose
 * delivery has begun is delivered; the next one opens a window of its own.
 */
export interface Superseding {
  supersedeKey?: string;
}

/**
 * Writes a notification and its delivery job in the caller's transaction (outbox): both exist
 * if and only if the causing change commits. A repeated `dedupeKey` for the user is a no-op.
 * Returns the new notification's id, or null when it was a duplicate.
 */
export async function notifyUser(tx: Executor, clock: Clock, input: NotifyInput & Superseding): Promise<string | null> {
  const id = randomUUID();
  const written = tx
    .insert(notifications)
    .values({
      id,
      userId: input.userId,
      kind: input.kind,
      ...words(input),
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
      {
        // A superseding notice's window runs from the first of its burst: the later ones only
        // replace the waiting job's payload.
        ...(input.supersedeKey === undefined
          ? { jobKey: deliverJobKey(id) }
          : { jobKey: supersedingJobKey(input.userId, input.supersedeKey), delayMs: SUPERSEDE_WINDOW_MS }),
        jobKeyMode: 'preserve_run_at',
        maxAttempts: DELIVER_MAX_ATTEMPTS,
      },
    )} from written`);
  return result.rows.length > 0 ? id : null;
}

const NOTIFY_MANY_CHUNK = 5_000;

/**
 * Writes many notifications and their delivery jobs in one statement, in the caller's
 * transaction: for fan-outs of one cause to many users (a followed maker's new story). A
 * notification whose (user, dedupeKey) exists already is skipped with its job. Returns how many
 * were new.
 */
export async function notifyUsers(tx: Executor, clock: Clock, inputs: readonly NotifyInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  // A statement carries at most 65,535 parameters: eleven a row.
  if (inputs.length > NOTIFY_MANY_CHUNK) {
    let written = 0;
    for (let i = 0; i < inputs.length; i += NOTIFY_MANY_CHUNK) {
      written += await notifyUsers(tx, clock, inputs.slice(i, i + NOTIFY_MANY_CHUNK));
    }
    return written;
  }
  const now = clock.now();
  const written = tx
    .insert(notifications)
    .values(
      inputs.map((input) => ({
        id: randomUUID(),
        userId: input.userId,
        kind: input.kind,
        ...words(input),
        data: input.data ?? {},
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  // The same job `notifyUser` adds (payload, key, attempts) for every written row, added in bulk.
  const result = await tx.execute<{ n: number }>(sql`with written as (${written.getSQL()})
    select count(*)::int as n from graphile_worker.add_jobs(
      array(
        select row(
          ${DELIVER_TASK.name}, json_build_object('notificationId', written.id), null, null,
          ${DELIVER_MAX_ATTEMPTS}::int, ${'notifications.deliver:'} || written.id::text, null, null
        )::graphile_worker.job_spec
        from written
      ),
      true
    )`);
  return result.rows[0]?.n ?? 0;
}
