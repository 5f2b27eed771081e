import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { createLogger } from '../logger';
import { enqueue, startWorker, type WorkerHandle } from './index';

const PARAM = 'kept-out-of-logs@example.com';
const PAYLOAD_MARK = 'payload-never-logged-7f3a';
const lines: string[] = [];
let database: DatabaseHandle;
let worker: WorkerHandle;
let failures = 0;

beforeAll(async () => {
  database = openDatabase(await createTestDatabase(), 4);
  worker = await startWorker({
    pool: database.pool,
    tasks: {
      'test.completing': async () => {},
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

it('logs a completed job by id, task, attempt and duration, never its payload', async () => {
  await enqueue(database.db, 'test.completing', { note: PAYLOAD_MARK, sealed: `-rt_${'x'.repeat(24)}` });
  const isCompletion = (l: string) => l.includes('Completed task') && l.includes('test.completing');
  await expect.poll(() => lines.some(isCompletion), { timeout: 20_000 }).toBe(true);
  const completed = JSON.parse(lines.find(isCompletion)!) as Record<string, unknown>;
  expect(completed).toMatchObject({ task: 'test.completing', attempt: 1, maxAttempts: 25 });
  expect(String(completed.jobId)).toMatch(/^\d+$/);
  expect(typeof completed.duration).toBe('number');
  expect(completed).not.toHaveProperty('job');
  const all = lines.join('\n');
  expect(all).not.toContain(PAYLOAD_MARK);
  expect(all).not.toContain('"payload"');
  expect(all).not.toContain('connectionString');
});
