import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';
import { startRuntime } from './composition/runtime';
import { startBanner } from './start-banner';
import { describeStartProblems, productionStartProblems } from './start-check';

/** Process entry: configuration → runtime (database, modules, HTTP and/or worker) → run until signalled. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const problems = productionStartProblems(config);
  if (problems.length > 0) {
    process.stderr.write(`${describeStartProblems(problems, { nodeEnvSet: Boolean(process.env.NODE_ENV) })}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const startedAt = Date.now();
  const runtime = await startRuntime(config, { logger, listen: true });
  logger.info(
    {
      roles: config.ROLES,
      url: runtime.url,
      startupMs: Date.now() - startedAt,
      database: config.DATABASE_URL ? 'external' : 'embedded',
    },
    'video-window is up',
  );
  const banner = startBanner(config, { url: runtime.url, databaseUrl: runtime.databaseUrl });
  if (banner) process.stderr.write(`${banner}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 20_000);
    timer.unref();
    runtime
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
}

main().catch((err: unknown) => {
  process.stderr.write(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
