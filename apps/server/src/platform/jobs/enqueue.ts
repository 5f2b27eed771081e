import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { z } from 'zod';
import { withJobTraceContext } from '../telemetry/jobs';
import { checkedPayload, type TaskRef } from './task-registry';

type JobPayload = Record<string, unknown>;

export interface EnqueueOptions {
  /** Replaces a pending job with the same key (used to re-arm timers such as an auction's end). */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  runAt?: Date;
  /** Runs this long after the database's clock reads now (instead of `runAt`). */
  delayMs?: number;
  maxAttempts?: number;
  queueName?: string;
  priority?: number;
}

/**
 * Adds a job inside the caller's transaction: it exists if and only if the transaction commits.
 * When tracing is on, the payload also carries the caller's `traceparent` (tasks ignore it).
 */
export async function enqueue<S extends z.ZodType<JobPayload>>(
  executor: Executor,
  task: TaskRef<S>,
  payload: z.input<S>,
  options?: EnqueueOptions,
): Promise<void>;
/** By name, unchecked: only for jobs outside the task registry (tests of the worker itself). */
export async function enqueue(
  executor: Executor,
  task: string,
  payload: JobPayload,
  options?: EnqueueOptions,
): Promise<void>;
export async function enqueue(
  executor: Executor,
  task: string | TaskRef,
  payload: JobPayload,
  options: EnqueueOptions = {},
): Promise<void> {
  await executor.execute(sql`select ${addJobCall(task as TaskRef, payload, options)}`);
}

/**
 * The call that adds a job, for statements that add one alongside other writes (`select … from`
 * a data-modifying step adds it only when that step wrote a row).
 */
export function addJobCall<S extends z.ZodType<JobPayload>>(
  task: TaskRef<S>,
  payload: z.input<S>,
  options?: EnqueueOptions,
): SQL;
export function addJobCall(task: string, payload: JobPayload, options?: EnqueueOptions): SQL;
export function addJobCall(task: string | TaskRef, payload: JobPayload, options: EnqueueOptions = {}): SQL {
  // A payload that does not fit its task throws here, before anything is written.
  const [name, checked] = typeof task === 'string' ? [task, payload] : [task.name, checkedPayload(task, payload)];
  return sql`graphile_worker.add_job(
    identifier => ${name},
    payload => ${JSON.stringify(withJobTraceContext(checked))}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${
      options.delayMs === undefined
        ? sql`${options.runAt?.toISOString() ?? null}::timestamptz`
        : sql`now() + ${options.delayMs}::int * interval '1 millisecond'`
    },
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text,
    priority => ${options.priority ?? null}::int,
    job_key_mode => ${options.jobKey ? (options.jobKeyMode ?? 'replace') : null}::text
  )`;
}

/** Removes a pending job by key (for example a timer whose reason went away). */
export async function cancelJob(executor: Executor, jobKey: string): Promise<void> {
  await executor.execute(sql`select graphile_worker.remove_job(${jobKey})`);
}
