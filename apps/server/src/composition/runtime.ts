import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { buildApp } from '../app';
import type { Config } from '../config';
import { createModules, type Modules } from './modules';
import { migrationSets } from './migrations';
import { createCache, MemoryStore, RedisStore } from '../platform/cache';
import { type Clock, systemClock } from '../platform/clock';
import { loadSecrets } from '../platform/crypto/secrets';
import { openDatabase, type DatabaseHandle } from '../platform/db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../platform/db/embedded';
import { migrateDatabase } from '../platform/db/migrate';
import type { HttpApp } from '../platform/http/types';
import { startWorker, taskList, type TaskLane, type WorkerHandle } from '../platform/jobs';
import { instrumentTasks } from '../platform/jobs/instrument';
import { createLogger } from '../platform/logger';
import { createMailer } from '../platform/mail/mailer';
import { Metrics } from '../platform/metrics';
import type { AppContext } from '../platform/module';
import { startOpsServer, type OpsServer } from '../platform/ops-server';
import { readinessReport } from '../platform/readiness';
import { PostgresEventBus, RedisEventBus } from '../platform/realtime/bus';
import { Realtime } from '../platform/realtime/realtime';
import { redisScope, requestPathRedis } from '../platform/request-redis';
import { startTelemetry, type Telemetry } from '../platform/telemetry';
import { traceTasks } from '../platform/telemetry/jobs';

export interface Runtime {
  ctx: AppContext;
  modules: Modules;
  app: HttpApp | null;
  /** The runner of every job but transcodes (and the crontab). */
  worker: WorkerHandle | null;
  /** The runner of transcodes, sized to the CPU. */
  mediaWorker: WorkerHandle | null;
  databaseUrl: string;
  /** The address the HTTP server listens on (when the api role runs and `listen` was asked). */
  url: string | null;
  /** Port of the operations server (`/metrics`, detailed `/ready`, `/health` on METRICS_PORT), if started. */
  opsPort: number | null;
  /** Tracing, when an OTLP endpoint is configured. */
  telemetry: Telemetry | null;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  logger?: Logger;
  /** Listen on PORT (the process entry); tests use `app.inject` or listen themselves. */
  listen?: boolean;
  /** Skip migrations (tests whose database was cloned from a migrated template). */
  skipMigrations?: boolean;
  workerPollIntervalMs?: number;
}

/**
 * Starts everything this process runs, as ROLES says: tracing (when configured), database,
 * migrations, HTTP app, job worker.
 */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const telemetry = await startTelemetry(config, logger);
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dir = path.resolve(config.DATA_DIR, 'postgres');
    logger.info({ dir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(dir, { onLog: (line) => logger.debug({ component: 'postgres' }, line) });
    databaseUrl = embedded.url;
  }
  let handle: DatabaseHandle | null = null;
  let app: HttpApp | null = null;
  let worker: WorkerHandle | null = null;
  let mediaWorker: WorkerHandle | null = null;
  let url: string | null = null;
  let realtime: Realtime | null = null;
  let ops: OpsServer | null = null;
  let cacheRedis: Redis | null = null;
  const stop = async () => {
    await ops?.close().catch(() => {});
    await app?.close().catch((err: unknown) => logger.error({ err }, 'closing HTTP'));
    const workers = [worker, mediaWorker].filter((w): w is WorkerHandle => w !== null);
    await Promise.all(workers.map((w) => w.stop().catch((err: unknown) => logger.error({ err }, 'stopping worker'))));
    for (const m of modules?.list ?? []) await m.close?.().catch(() => {});
    await realtime?.close().catch(() => {});
    cacheRedis?.disconnect();
    await handle?.close().catch(() => {});
    await embedded?.stop().catch((err: unknown) => logger.error({ err }, 'stopping PostgreSQL'));
    await telemetry?.shutdown().catch((err: unknown) => logger.warn({ err }, 'flushing traces'));
  };
  let modules: Modules | undefined;
  try {
    if (!options.skipMigrations) await migrateDatabase(databaseUrl, migrationSets);
    handle = openDatabase(
      databaseUrl,
      config.DATABASE_POOL_SIZE,
      {
        connectMs: config.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
        queryMs: config.DATABASE_QUERY_TIMEOUT_SECONDS * 1000,
      },
      logger,
    );
    const secrets = await loadSecrets(config);
    const metrics = new Metrics();
    cacheRedis = config.REDIS_URL ? requestPathRedis(config.REDIS_URL, logger, 'cache store') : null;
    const scope = redisScope(databaseUrl);
    const live = new Realtime(
      config.REDIS_URL
        ? new RedisEventBus(config.REDIS_URL, logger)
        : new PostgresEventBus(databaseUrl, handle.pool, logger),
      logger,
      metrics,
      {
        maxSubscriptions: config.REALTIME_MAX_SUBSCRIPTIONS,
        maxMessageBytes: config.REALTIME_MAX_MESSAGE_BYTES,
        messagesPerSecond: config.REALTIME_MESSAGES_PER_SECOND,
        connectionsPerAddress: config.REALTIME_CONNECTIONS_PER_ADDRESS,
        maxBufferedBytes: config.REALTIME_MAX_BUFFERED_BYTES,
        batchIntervalMs: config.REALTIME_BATCH_INTERVAL_MS,
        sendSliceMs: config.REALTIME_SEND_SLICE_MS,
      },
      options.clock ?? systemClock,
    );
    const ctx: AppContext = {
      config,
      db: handle.db,
      pool: handle.pool,
      logger,
      clock: options.clock ?? systemClock,
      secrets,
      metrics,
      mailer: createMailer(config, handle.db, logger),
      realtime: live,
      // Shared through Redis, each process keeps near copies of the pages it read while it hears the
      // drops other processes announce on the event bus.
      cache: cacheRedis
        ? createCache(new RedisStore(cacheRedis, logger, `vw-cache:${scope}:`), live.cacheAnnouncements)
        : createCache(new MemoryStore()),
      redisScope: scope,
    };
    realtime = ctx.realtime;
    modules = createModules(ctx);
    if (config.ROLES.worker) {
      const definitions = modules.list.flatMap((m) => m.tasks ?? []);
      const lane = (name: TaskLane) => {
        const instrumented = instrumentTasks(taskList(definitions.filter((t) => t.lane === name)), metrics, logger);
        return telemetry ? traceTasks(instrumented, telemetry.tracer) : instrumented;
      };
      const common = {
        pool: handle.pool,
        logger,
        pollIntervalMs: options.workerPollIntervalMs ?? 1000,
        heartbeatMs: config.JOB_HEARTBEAT_SECONDS * 1000,
      };
      // Two runners, each taking only its own tasks' jobs: transcodes can fill theirs without
      // delaying an auction's end, a payment expiry or a notification in the other.
      worker = await startWorker({
        ...common,
        tasks: lane('default'),
        crontab: modules.list.flatMap((m) => m.crontab ?? []).join('\n'),
      });
      mediaWorker = await startWorker({
        ...common,
        tasks: lane('media'),
        crontab: '',
        concurrency: config.MEDIA_JOB_CONCURRENCY ?? Math.max(1, availableParallelism() - 1),
      });
    }
    if (config.ROLES.api) {
      app = await buildApp(ctx, modules.list, { telemetry });
      if (options.listen) url = await app.listen({ port: config.PORT, host: config.HOST });
      else await app.ready();
    }
    if (options.listen && config.METRICS_PORT !== undefined) {
      const moduleList = modules.list;
      ops = await startOpsServer({
        metrics,
        readiness: () => readinessReport(ctx, moduleList),
        port: config.METRICS_PORT,
        host: config.HOST,
      });
    }
    return { ctx, modules, app, worker, mediaWorker, databaseUrl, url, opsPort: ops?.port ?? null, telemetry, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
