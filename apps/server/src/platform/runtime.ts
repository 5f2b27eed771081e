import path from 'node:path';
import type { Logger } from 'pino';
import { buildApp } from '../app';
import type { Config } from '../config';
import { createModules, type Modules } from '../modules';
import { migrationSets } from '../modules/migrations';
import { type Clock, systemClock } from './clock';
import { loadSecrets } from './crypto/secrets';
import { openDatabase, type DatabaseHandle } from './db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { migrateDatabase } from './db/migrate';
import type { HttpApp } from './http/types';
import { startWorker, type TaskList, type WorkerHandle } from './jobs';
import { createLogger } from './logger';
import { createMailer } from './mail/mailer';
import { Metrics } from './metrics';
import type { AppContext } from './module';
import { PostgresEventBus, RedisEventBus } from './realtime/bus';
import { Realtime } from './realtime/realtime';

export interface Runtime {
  ctx: AppContext;
  modules: Modules;
  app: HttpApp | null;
  worker: WorkerHandle | null;
  databaseUrl: string;
  /** The address the HTTP server listens on (when the api role runs and `listen` was asked). */
  url: string | null;
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

/** Starts everything this process runs, as ROLES says: database, migrations, HTTP app, job worker. */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
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
  let url: string | null = null;
  let realtime: Realtime | null = null;
  const stop = async () => {
    await app?.close().catch((err: unknown) => logger.error({ err }, 'closing HTTP'));
    await worker?.stop().catch((err: unknown) => logger.error({ err }, 'stopping worker'));
    for (const m of modules?.list ?? []) await m.close?.().catch(() => {});
    await realtime?.close().catch(() => {});
    await handle?.close().catch(() => {});
    await embedded?.stop().catch((err: unknown) => logger.error({ err }, 'stopping PostgreSQL'));
  };
  let modules: Modules | undefined;
  try {
    if (!options.skipMigrations) await migrateDatabase(databaseUrl, migrationSets);
    handle = openDatabase(databaseUrl, config.DATABASE_POOL_SIZE);
    const secrets = await loadSecrets(config);
    const metrics = new Metrics();
    const ctx: AppContext = {
      config,
      db: handle.db,
      pool: handle.pool,
      logger,
      clock: options.clock ?? systemClock,
      secrets,
      metrics,
      mailer: createMailer(config, handle.db, logger),
      realtime: new Realtime(
        config.REDIS_URL
          ? new RedisEventBus(config.REDIS_URL, logger)
          : new PostgresEventBus(databaseUrl, handle.pool, logger),
        logger,
        metrics,
      ),
    };
    realtime = ctx.realtime;
    modules = createModules(ctx);
    if (config.ROLES.worker) {
      const tasks: TaskList = Object.assign({}, ...modules.list.map((m) => m.tasks ?? {})) as TaskList;
      const crontab = modules.list.flatMap((m) => m.crontab ?? []).join('\n');
      worker = await startWorker({
        pool: handle.pool,
        tasks,
        crontab,
        logger,
        pollIntervalMs: options.workerPollIntervalMs ?? 1000,
      });
    }
    if (config.ROLES.api) {
      app = await buildApp(ctx, modules.list);
      if (options.listen) url = await app.listen({ port: config.PORT, host: config.HOST });
      else await app.ready();
    }
    return { ctx, modules, app, worker, databaseUrl, url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
