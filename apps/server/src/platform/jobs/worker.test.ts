import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { createLogger } from '../logger';
import { enqueue, startWorker, type WorkerHandle } from './index';

const PARAM = 'kept-out-of-logs@example.com';
const lines: string[] = [];
let database: DatabaseHandle;
let worker: WorkerHandle;
let failures = 0;

beforeAll(async () => {
  database = openDatabase(await createTestDatabase(), 4);
  worker = await startWorker({
    pool: database.pool,
    tasks: {
      'test.failing-query': async () => {
        failures += 1;
        await database.db.execute(sql`select ${PARAM}::int`);
      },
    },
    crontab: '',
    logger: createLogger('debug', { write: (line: string) => lines.push(line) }),
    pollIntervalMs: 100,
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await database?.close();
});

it("logs a failed job's error without the parameters of the query that failed", async () => {
  await enqueue(database.db, 'test.failing-query', {}, { maxAttempts: 1 });
  await expect.poll(() => lines.some((l) => l.includes('Failed task')), { timeout: 20_000 }).toBe(true);
  expect(failures).toBe(1);
  const failed = lines.find((l) => l.includes('Failed task'))!;
  expect(failed).toContain('params: [not logged]');
  expect(lines.join('\n')).not.toContain('kept-out-of-logs');
});
