/**
 * A job runner whose first look-up of its task ids failed keeps that failure for good (every poll
 * of every worker fails with the same error object, long after the database is back): it is
 * replaced by a fresh runner, and jobs run again. The look-up is made to fail by a trigger on the
 * queue's task table, so the test does not depend on cutting a connection at the right moment.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { createLogger } from '../logger';
import { enqueue, startWorker, type WorkerHandle } from './index';

const lines: string[] = [];
let database: DatabaseHandle;
let worker: WorkerHandle | null = null;
let ran = 0;

beforeAll(async () => {
  database = openDatabase(await createTestDatabase(), 6);
  // The queue's schema exists once a runner has started: start and stop one.
  const first = await startWorker({
    pool: database.pool,
    tasks: { 'test.other': async () => {} },
    crontab: '',
    logger: createLogger('silent', { write: () => {} }),
  });
  await first.stop();
  await database.db.execute(sql`create table task_lookup_fails (on_ boolean not null)`);
  await database.db.execute(sql`insert into task_lookup_fails values (false)`);
  await database.db.execute(
    sql.raw(`create function refuse_task_lookup() returns trigger language plpgsql as $$
    begin
      if (select on_ from task_lookup_fails) then raise exception 'task look-up refused'; end if;
      return null;
    end $$`),
  );
  await database.db.execute(
    sql.raw(`create trigger refuse_task_lookup before insert on graphile_worker._private_tasks
    for each statement execute function refuse_task_lookup()`),
  );
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await database?.close();
});

it('replaces a runner that keeps failing on the task look-up it kept, and the jobs run again', async () => {
  // Queued first (queuing records the task too), then the look-up is refused.
  await enqueue(database.db, 'test.probe', {});
  await database.db.execute(sql`update task_lookup_fails set on_ = true`);
  worker = await startWorker({
    pool: database.pool,
    tasks: {
      'test.probe': async () => {
        ran += 1;
      },
    },
    crontab: '',
    logger: createLogger('debug', { write: (line: string) => lines.push(line) }),
    pollIntervalMs: 50,
  });
  // The first runner's look-up fails, and so does every poll after it.
  await expect
    .poll(() => lines.filter((l) => l.includes('task look-up refused')).length, { timeout: 10_000 })
    .toBeGreaterThan(2);
  await database.db.execute(sql`update task_lookup_fails set on_ = false`);
  await expect.poll(() => ran, { timeout: 20_000 }).toBe(1);
  expect(lines.some((l) => l.includes('starting a fresh runner'))).toBe(true);
});
