/**
 * The job worker's supervision when the database goes away twice in a row while an old runner
 * cannot stop yet (one of its jobs is still running): the second loss must still get a fresh
 * runner, and jobs must run again once the database is back.
 *
 * Each loss is provoked where graphile-worker gives up on a worker: a job finishing while the
 * database is away cannot record its outcome, and that worker exits.
 */
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/client';
import { enqueue, startWorker, type TaskList, type WorkerHandle } from '../../src/platform/jobs';
import { captureConnectionTraces } from '../expected-traces';
import { createTestDatabase } from '../harness';
import { TcpProxy } from './tcp-proxy';

// Each lost worker prints a trace of its lost connection: captured and checked, not printed.
const traces = captureConnectionTraces();

let proxy: TcpProxy;
let database: DatabaseHandle;
let direct: pg.Pool;
let worker: WorkerHandle | null = null;

const running = new Set<string>();
const finished = new Set<string>();
const gates = new Map<string, () => void>();
let releaseLongJob: () => void = () => undefined;
const longJobDone = new Promise<void>((resolve) => (releaseLongJob = resolve));

const tasks: TaskList = {
  /** Holds its runner open until the end of the test. */
  'test.long': async () => {
    running.add('long');
    await longJobDone;
  },
  /** Runs until the test opens its gate. */
  'test.gated': async (payload) => {
    const { name } = payload as { name: string };
    running.add(name);
    await new Promise<void>((resolve) => gates.set(name, resolve));
  },
  'test.mark': async (payload) => {
    finished.add((payload as { name: string }).name);
  },
};

beforeAll(async () => {
  const url = await createTestDatabase();
  const target = new URL(url);
  proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  database = openDatabase(proxied.toString(), 12, { connectMs: 1_000, queryMs: 3_000 });
  direct = new pg.Pool({ connectionString: url, max: 2 });
  worker = await startWorker({
    pool: database.pool,
    tasks,
    crontab: '',
    logger: pino({ level: 'silent' }),
    concurrency: 2,
    pollIntervalMs: 100,
    heartbeatMs: 500,
  });
}, 60_000);

afterAll(async () => {
  releaseLongJob();
  for (const open of gates.values()) open();
  await proxy?.restore();
  await worker?.stop();
  await database?.close();
  await direct?.end();
  await proxy?.stop();
});

const add = (task: string, name: string) => enqueue(database.db, task, { name });

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Takes the database away, lets the named jobs finish, and gives it back only once each of their
 * workers has failed to record its job and exited (each exit is traced), however long a loaded
 * machine takes to get there: given back sooner, a worker would record its job and live on.
 */
async function loseWorkersTo(names: string[]): Promise<void> {
  const lostBefore = traces.captured.length;
  await proxy.refuse();
  for (const name of names) gates.get(name)!();
  await until(`${names.length} job worker(s) to exit`, () => traces.captured.length >= lostBefore + names.length);
  await proxy.restore();
}

it('starts a fresh runner after each loss, even while an older runner is still finishing a job', async () => {
  await add('test.long', 'long');
  await add('test.gated', 'first');
  await until('the first runner to take both jobs', () => running.has('long') && running.has('first'));

  // First loss: the first runner is replaced, but it cannot stop while the long job runs.
  await loseWorkersTo(['first']);
  await add('test.gated', 'second-a');
  await add('test.gated', 'second-b');
  await until('the second runner to take two jobs', () => running.has('second-a') && running.has('second-b'));

  // Second loss: both workers of the second runner exit while the first is still stopping.
  await loseWorkersTo(['second-a', 'second-b']);
  await add('test.mark', 'after');
  await until('a job to run after the second loss', () => finished.has('after'));
  expect(finished.has('after')).toBe(true);
}, 90_000);
