/**
 * The job worker of this process, kept running through database outages and crashes elsewhere.
 *
 * graphile-worker gives up in four ways when PostgreSQL goes away: its cron scheduler stops for
 * good on the first failed insert (and takes the whole runner down with it), a worker that cannot
 * record a job's outcome exits and is never replaced, a runner whose first task look-up failed
 * keeps that failure and never takes a job again, and a job locked by a killed process stays
 * locked for hours. Here the cron's writes wait for the database to come back, a runner that
 * lost a worker, stopped or keeps failing on the same error is replaced by a fresh one, and
 * `WorkerLiveness` frees the jobs of workers whose process died.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Logger as JobLogger, parseCrontab, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import type { Logger } from 'pino';
import type pg from 'pg';
import { isDatabaseUnavailable } from '../db/unavailable';
import { serializeError, withoutQuotedParams } from '../logger';
import { WorkerLiveness } from './liveness';

export interface WorkerHandle {
  /** Identifies this process's workers in `platform.job_workers`. */
  instanceId: string;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  pool: pg.Pool;
  tasks: TaskList;
  crontab: string;
  logger: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
  /** How often this process records its workers as alive; silent for 3 beats means dead. */
  heartbeatMs?: number;
}

const RESTART_BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000];

/** Waits `ms`, or less when `signal` aborts first. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

const backoff = (attempt: number): number => RESTART_BACKOFF_MS[Math.min(attempt, RESTART_BACKOFF_MS.length - 1)]!;

/** Runs the durable job worker in this process. */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const log = options.logger.child({ component: 'jobs' });
  const instanceId = randomUUID();
  const liveness = new WorkerLiveness(options.pool, instanceId, options.heartbeatMs ?? 10_000, log);
  let stopping = false;
  const stopped = new AbortController();
  let replacing: Promise<void> | null = null;
  let replaceAgain = false;
  const runners = new Set<Runner>();
  const retired = new WeakSet<Runner>();
  const retiring = new Set<Promise<void>>();
  const pool = outageTolerant(options.pool, stopped.signal);
  const parsedCronItems = parseCrontab(options.crontab);

  const launch = async (): Promise<Runner> => {
    let self: Runner | null = null;
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => liveness.add(worker.workerId));
    events.on('worker:stop', ({ worker }) => liveness.remove(worker.workerId));
    events.on('worker:fatalError', ({ worker, error }) => {
      liveness.remove(worker.workerId);
      if (stopping || (self && retired.has(self))) return;
      log.warn({ err: error, workerId: worker.workerId }, 'a job worker stopped; starting a fresh runner');
      void replace();
    });
    // A runner looks its task ids up once, on its first poll, and keeps the answer for good, a
    // failed lookup included: when the connection drops at that moment, every later poll of every
    // worker fails with that same error object, long after the database is back. A fresh failure
    // is a new error each time; the same one seen again means the runner is stuck, so it is replaced.
    let lastPollError: unknown = null;
    let stuck = false;
    events.on('worker:getJob:error', ({ error }) => {
      if (error !== lastPollError) {
        lastPollError = error;
        return;
      }
      // Until `run` has answered, the runner is not ours to replace yet: the error comes again.
      if (stuck || stopping || !self || retired.has(self)) return;
      stuck = true;
      log.warn({ err: error }, 'the job runner keeps failing on an answer it kept; starting a fresh runner');
      void replace();
    });
    events.on('worker:getJob:empty', () => {
      lastPollError = null;
    });
    events.on('job:start', () => {
      lastPollError = null;
    });
    const runner = await run({
      pgPool: pool,
      taskList: options.tasks,
      parsedCronItems,
      concurrency: options.concurrency ?? 4,
      pollInterval: options.pollIntervalMs ?? 1000,
      noHandleSignals: true,
      logger: jobLogger(log),
      events,
    });
    self = runner;
    if (stopping) {
      // Started while the worker was being stopped: it must not outlive it.
      await runner.stop().catch(() => undefined);
      return runner;
    }
    runners.add(runner);
    runner.promise.then(
      () => {
        if (!retired.has(runner) && !stopping) void replace();
      },
      (err: unknown) => {
        if (retired.has(runner) || stopping) return;
        log.warn({ err }, 'the job runner stopped; starting a fresh one');
        void replace();
      },
    );
    return runner;
  };

  /**
   * Starts a new runner (waiting out an outage), then lets the old ones finish their jobs and stop
   * in the background: an old runner slow to stop (a job still running, a connection hanging) never
   * holds up the next replacement.
   */
  const replace = (): Promise<void> => {
    if (stopping) return Promise.resolve();
    if (replacing) {
      replaceAgain = true;
      return replacing;
    }
    const old = [...runners];
    for (const r of old) retired.add(r);
    replacing = (async () => {
      for (let attempt = 0; !stopping; attempt++) {
        try {
          await launch();
          break;
        } catch (err) {
          log.warn({ err, attempt }, 'could not start the job runner; retrying');
          await sleep(backoff(attempt), stopped.signal);
        }
      }
      for (const r of old) retire(r);
    })().finally(() => {
      replacing = null;
      if (replaceAgain && !stopping) {
        replaceAgain = false;
        void replace();
      }
    });
    return replacing;
  };

  const retire = (runner: Runner): void => {
    retired.add(runner);
    runners.delete(runner);
    const done = runner
      .stop()
      .catch((err: unknown) => log.debug({ err }, 'stopping a job runner'))
      .finally(() => retiring.delete(done));
    retiring.add(done);
  };

  await launch();
  liveness.start();
  return {
    instanceId,
    stop: async () => {
      stopping = true;
      stopped.abort();
      await replacing;
      for (const r of [...runners]) retire(r);
      await Promise.all([...retiring]);
      await liveness.stop();
    },
  };
}

/**
 * The pool as graphile-worker sees it, with `query` (which only its cron scheduler uses) waiting
 * for the database to come back instead of failing: a failed cron insert would stop the runner.
 * Scheduling is idempotent per timestamp, so a retried insert never doubles a cron job.
 */
function outageTolerant(pool: pg.Pool, stopped: AbortSignal): pg.Pool {
  const query = async (...args: unknown[]): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        if (!isDatabaseUnavailable(err) || stopped.aborted) throw err;
        await sleep(backoff(attempt), stopped);
      }
    }
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'query') return query;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * graphile-worker's log lines through the product's logger. Its messages quote a failed job's
 * error, and its metadata carries errors under its own keys: both are logged the way the product
 * logs errors, without a failed query's parameters. A job is logged by its id, task, attempt and
 * duration, never with its payload (sealed or not) or its row; other metadata is kept only when
 * it is a plain value.
 */
function jobLogger(log: Logger): JobLogger {
  return new JobLogger((scope) => (level, raw, meta) => {
    const entry: Record<string, unknown> = { ...jobLogFields(scope) };
    for (const [key, value] of Object.entries(meta ?? {})) {
      if (value instanceof Error) entry[key] = serializeError(value);
      else if (key === 'job') Object.assign(entry, jobSummary(value));
      else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) entry[key] = value;
    }
    // Its debug line of pool options would print the pool itself, connection settings included.
    const message = raw.startsWith('Worker pool options') ? 'Worker pool options set' : withoutQuotedParams(raw);
    const name = String(level);
    if (name === 'error') log.error(entry, message);
    else if (name === 'warning') log.warn(entry, message);
    else if (name === 'info') log.info(entry, message);
    else log.debug(entry, message);
  });
}

/** The scope graphile-worker attaches to its lines. */
type LogScope = Parameters<ConstructorParameters<typeof JobLogger>[0]>[0];

/** That scope, identifiers only. */
function jobLogFields(scope: LogScope): LogScope {
  const { label, workerId, taskIdentifier, jobId } = scope;
  return Object.fromEntries(
    Object.entries({ label, workerId, taskIdentifier, jobId }).filter(([, v]) => v !== undefined),
  );
}

/** What a log line says of a job: which one, which task, which attempt of how many. */
function jobSummary(job: unknown): Record<string, unknown> {
  if (typeof job !== 'object' || job === null) return {};
  const row = job as { id?: unknown; task_identifier?: unknown; attempts?: unknown; max_attempts?: unknown };
  return { jobId: row.id, task: row.task_identifier, attempt: row.attempts, maxAttempts: row.max_attempts };
}
