import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { createLogger } from '../logger';
import { declareTask, defineTask, enqueue, InvalidJobPayload, startWorker, taskList, type WorkerHandle } from './index';

const SECRET = 'payload-secret-never-logged-41c9';
const lines: string[] = [];
const ran: string[] = [];
let database: DatabaseHandle;
let worker: WorkerHandle;

const SHIP = declareTask('test:ship-order', z.object({ orderId: z.uuid() }), { formerNames: ['test.ship-order'] });

beforeAll(async () => {
  database = openDatabase(await createTestDatabase(), 4);
  worker = await startWorker({
    pool: database.pool,
    tasks: taskList([defineTask(SHIP, async ({ orderId }) => void ran.push(orderId))]),
    crontab: '',
    logger: createLogger('debug', { write: (line: string) => lines.push(line) }),
    pollIntervalMs: 100,
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await database?.close();
});

const jobsOf = async (task: string) =>
  (
    await database.db.execute<{ id: string; attempts: number; max_attempts: number }>(
      sql`select id, attempts, max_attempts from graphile_worker.jobs where task_identifier = ${task}`,
    )
  ).rows;

describe('a task declared with defineTask', () => {
  it('refuses a bad payload at the caller, and nothing is queued', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        // @ts-expect-error -- the payload's type is the task's schema
        await enqueue(tx, SHIP, { orderId: 42, note: SECRET });
      }),
    ).rejects.toBeInstanceOf(InvalidJobPayload);
    await expect(enqueue(database.db, SHIP, { orderId: 'not-an-id' })).rejects.toThrow(
      /payload of task test:ship-order does not fit its schema \(at orderId\)/,
    );
    expect(await jobsOf('test:ship-order')).toEqual([]);
  });

  it('runs a good payload, under its name and under a former one', async () => {
    const id = '5f0c6f4e-2a1b-4c3d-9e8f-0a1b2c3d4e5f';
    const old = '6f0c6f4e-2a1b-4c3d-9e8f-0a1b2c3d4e5f';
    await enqueue(database.db, SHIP, { orderId: id });
    await enqueue(database.db, 'test.ship-order', { orderId: old });
    await expect.poll(() => ran, { timeout: 20_000 }).toEqual(expect.arrayContaining([id, old]));
  });

  it('fails a stored bad payload for good, logged by job id and task without the payload', async () => {
    // Written around the check, as a job queued before its schema changed would be.
    await enqueue(database.db, 'test:ship-order', { orderId: SECRET });
    const isRefusal = (l: string) => l.includes('job payload does not fit its task');
    await expect.poll(() => lines.some(isRefusal), { timeout: 20_000 }).toBe(true);
    const refusal = JSON.parse(lines.find(isRefusal)!) as Record<string, unknown>;
    expect(refusal).toMatchObject({ task: 'test:ship-order', paths: 'orderId' });
    expect(String(refusal.jobId)).toMatch(/^\d+$/);
    await expect.poll(() => lines.some((l) => l.includes('Failed task')), { timeout: 20_000 }).toBe(true);
    const [job] = await jobsOf('test:ship-order');
    expect(job).toBeDefined();
    expect(job!.attempts).toBe(1);
    expect(job!.max_attempts).toBe(1); // no retry left: the queue keeps it as failed
    expect(ran).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('names every task module:kebab-name', () => {
    expect(() => declareTask('orders.complete', z.object({}))).toThrow(/module:kebab-name/);
    expect(() => defineTask('Orders:Complete', z.object({}), async () => {})).toThrow(/module:kebab-name/);
    expect(() =>
      taskList([
        defineTask('test:a', z.object({}), async () => {}),
        defineTask('test:a', z.object({}), async () => {}),
      ]),
    ).toThrow(/two tasks are named test:a/);
  });
});
