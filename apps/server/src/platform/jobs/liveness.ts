/**
 * Hands back the jobs of job workers that died. graphile-worker keeps a job locked by the worker
 * that took it, and only frees locks older than four hours: a process killed in the middle of a
 * job (SIGKILL, out of memory, a lost node) would hold, say, an auction's end for hours. So each
 * worker process records its workers as alive every beat; any process frees the jobs of workers
 * that stopped beating. Tasks are idempotent, so a job run again after its worker died mid-way is
 * harmless; so is one freed from a worker that was only stalled.
 */
import type { Logger } from 'pino';
import type pg from 'pg';
import { isDatabaseUnavailable } from '../db/unavailable';

/** A worker is dead once it has missed this many beats. */
const MISSED_BEATS = 3;
/** Rows of workers gone this long are removed. */
const FORGET_AFTER = '1 day';

export class WorkerLiveness {
  private readonly alive = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly instanceId: string,
    private readonly beatMs: number,
    private readonly logger: Logger,
  ) {}

  /** A worker of this process started. */
  add(workerId: string): void {
    this.alive.add(workerId);
  }

  /** A worker of this process stopped (or died); its locks become free after the grace period. */
  remove(workerId: string): void {
    this.alive.delete(workerId);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.beatMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    const ids = [...this.alive];
    this.alive.clear();
    if (ids.length === 0) return;
    await this.pool
      .query('delete from platform.job_workers where worker_id = any($1::text[])', [ids])
      .catch((err: unknown) => this.logger.debug({ err }, 'could not deregister job workers'));
  }

  /** One beat: record this process's workers, then free the jobs of workers that went silent. */
  tick(): Promise<void> {
    this.running ??= this.beatAndSweep()
      .catch((err: unknown) => {
        const log = isDatabaseUnavailable(err)
          ? this.logger.debug.bind(this.logger)
          : this.logger.warn.bind(this.logger);
        log({ err }, 'job worker heartbeat failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async beatAndSweep(): Promise<void> {
    const ids = [...this.alive];
    if (ids.length > 0) {
      await this.pool.query(
        `insert into platform.job_workers (worker_id, instance_id, seen_at)
         select id, $2, now() from unnest($1::text[]) as id
         on conflict (worker_id) do update set seen_at = excluded.seen_at`,
        [ids, this.instanceId],
      );
    }
    const grace = `${(this.beatMs * MISSED_BEATS) / 1000} seconds`;
    const dead = await this.pool.query<{ worker_id: string }>(
      `select distinct locked_by as worker_id from (
         select locked_by, locked_at from graphile_worker._private_jobs where locked_by is not null
         union all
         select locked_by, locked_at from graphile_worker._private_job_queues where locked_by is not null
       ) held
       where held.locked_at < now() - $1::interval
         and not exists (
           select 1 from platform.job_workers w
            where w.worker_id = held.locked_by and w.seen_at > now() - $1::interval)`,
      [grace],
    );
    const workerIds = dead.rows.map((r) => r.worker_id).filter((id) => !this.alive.has(id));
    if (workerIds.length > 0) {
      await this.pool.query('select graphile_worker.force_unlock_workers($1::text[])', [workerIds]);
      this.logger.warn({ workerIds }, 'freed the jobs of job workers that stopped (their process died)');
    }
    await this.pool.query(`delete from platform.job_workers where seen_at < now() - interval '${FORGET_AFTER}'`);
  }
}
