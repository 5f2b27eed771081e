import { sql } from 'drizzle-orm';
import { Logger as JobLogger, parseCrontab, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Executor } from '../db/client';

export type { Task, TaskList };

export interface EnqueueOptions {
  /** Replaces a pending job with the same key (used to re-arm timers such as an auction's end). */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  runAt?: Date;
  maxAttempts?: number;
  queueName?: string;
  priority?: number;
}

/**
 * Adds a job inside the caller's transaction: it exists if and only if the transaction commits.
 */
export async function enqueue(
  executor: Executor,
  task: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await executor.execute(sql`select graphile_worker.add_job(
    identifier => ${task},
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text,
    priority => ${options.priority ?? null}::int,
    job_key_mode => ${options.jobKey ? (options.jobKeyMode ?? 'replace') : null}::text
  )`);
}

/** Removes a pending job by key (for example a timer whose reason went away). */
export async function cancelJob(executor: Executor, jobKey: string): Promise<void> {
  await executor.execute(sql`select graphile_worker.remove_job(${jobKey})`);
}

export interface WorkerHandle {
  runner: Runner;
  stop(): Promise<void>;
}

/** Runs the durable job worker in this process. */
export async function startWorker(options: {
  pool: pg.Pool;
  tasks: TaskList;
  crontab: string;
  logger: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
}): Promise<WorkerHandle> {
  const log = options.logger.child({ component: 'jobs' });
  const logger = new JobLogger((scope) => (level, message, meta) => {
    const entry = { ...scope, ...meta };
    const name = String(level);
    if (name === 'error') log.error(entry, message);
    else if (name === 'warning') log.warn(entry, message);
    else if (name === 'info') log.info(entry, message);
    else log.debug(entry, message);
  });
  const runner = await run({
    pgPool: options.pool,
    taskList: options.tasks,
    parsedCronItems: parseCrontab(options.crontab),
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollIntervalMs ?? 1000,
    noHandleSignals: true,
    logger,
  });
  return { runner, stop: () => runner.stop() };
}
