import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { loadConfig } from '../src/config';
import type { Clock } from '../src/platform/clock';
import { createLogger } from '../src/platform/logger';
import { startRuntime, type Runtime } from '../src/composition/runtime';

/** A fixed key so tests can read what they wrote; never used outside tests. */
export const TEST_DATA_KEYS = `test1:${Buffer.alloc(32, 7).toString('base64')}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database cloned from the run's migrated template: isolated per test file (or test). */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `vw_t_${inject('runId')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Cloning needs the template idle; retry briefly if another file is cloning at the same moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
        break;
      } catch (err) {
        if (attempt > 50 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: Clock;
  databaseUrl?: string;
  /** Collect log lines (for tests that inspect logs). */
  logLines?: string[];
}

/** This test file's log file in the run's log folder. */
function runLogFile(): string {
  const name = path.basename(expect.getState().testPath ?? 'unknown').replace(/[^\w.-]/g, '_');
  return path.join(inject('logDir'), `${name}-${process.pid}-${randomBytes(3).toString('hex')}.ndjson`);
}

/** Starts the product on an isolated database, as `npm start` would, without listening. */
export async function startTestServer(options: TestServerOptions = {}): Promise<Runtime> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '8',
    LOG_LEVEL: 'debug',
    DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
    LOOKUP_SECRET: 'test-lookup-secret-test-lookup-secret-000',
    RATE_LIMIT_PER_MINUTE: '100000',
    BID_RATE_LIMIT_PER_MINUTE: '100000',
    BID_CAP_MULTIPLE: '100000',
    OPEN_PAYMENT_WINDOWS_PER_BUYER: '100000',
    UPLOAD_RATE_LIMIT_PER_HOUR: '100000',
    MAKER_SIGNUPS_PER_IP_PER_DAY: '100000',
    ...options.env,
  });
  const lines = options.logLines;
  // Every line also goes to the run's log folder, which is scanned for leaks once the run ends.
  const file = runLogFile();
  const logger = createLogger('debug', {
    write: (line: string) => {
      lines?.push(line);
      appendFileSync(file, line);
    },
  });
  return startRuntime(config, {
    skipMigrations: true,
    workerPollIntervalMs: 100,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
