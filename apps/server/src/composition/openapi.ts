import { createCache, MemoryStore } from '../platform/cache';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import { createModules } from './modules';
import { systemClock } from '../platform/clock';
import { LookupHasher, PersonalDataCipher } from '../platform/crypto/envelope';
import { openDatabase } from '../platform/db/client';
import { createLogger } from '../platform/logger';
import { createMailer } from '../platform/mail/mailer';
import { Metrics } from '../platform/metrics';
import type { AppContext } from '../platform/module';
import { LocalEventBus } from '../platform/realtime/bus';
import { Realtime } from '../platform/realtime/realtime';

/**
 * The OpenAPI document, built from the routes without a database (the pool never connects), for
 * generating the typed client and for tests that walk every operation.
 */
export async function buildOpenApiDocument(env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DEV_MAILBOX: 'true', ...env });
  const handle = openDatabase('postgres://openapi@127.0.0.1:1/none', 1);
  const logger = createLogger('silent');
  const ctx: AppContext = {
    config,
    db: handle.db,
    pool: handle.pool,
    logger,
    clock: systemClock,
    secrets: {
      cipher: new PersonalDataCipher([{ id: 'doc', key: Buffer.alloc(32) }]),
      lookup: new LookupHasher('doc'),
      internalSigningSecret: 'doc',
    },
    metrics: new Metrics({ defaultMetrics: false }),
    mailer: createMailer(config, handle.db, logger),
    realtime: new Realtime(new LocalEventBus(), logger, new Metrics({ defaultMetrics: false })),
    cache: createCache(new MemoryStore()),
    redisScope: 'openapi',
  };
  const app = await buildApp(ctx, createModules(ctx).list);
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await handle.close();
  return doc;
}
