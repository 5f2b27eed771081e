import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { discardingBrokenClients } from './discard-broken-clients';

let pool: pg.Pool;

beforeAll(async () => {
  // One connection: a client handed back to the pool is the one lent next.
  pool = new pg.Pool({ connectionString: await createTestDatabase(), max: 1 });
  pool.on('error', () => {});
});

afterAll(async () => {
  await pool.end();
});

/** A query that fails the way a lost connection does (SQLSTATE 08006), on a connection that still works. */
const FAILS_AS_LOST = `do $$ begin raise exception 'lost' using errcode = '08006'; end $$`;

async function backendOf(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return rows[0]!.pid;
}

describe('a pool that discards clients whose connection failed', () => {
  it('lends a fresh connection after a loan whose query failed as a lost connection', async () => {
    const watched = discardingBrokenClients(pool);
    const first = await watched.connect();
    const before = await backendOf(first);
    await expect(first.query(FAILS_AS_LOST)).rejects.toMatchObject({ code: '08006' });
    first.release();
    const second = await watched.connect();
    expect(await backendOf(second)).not.toBe(before);
    second.release();
  });

  it('keeps a connection whose queries failed for other reasons, and sees failures reported to callbacks', async () => {
    const watched = discardingBrokenClients(pool);
    const first = await watched.connect();
    const before = await backendOf(first);
    await expect(first.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
    first.release();
    const second = await watched.connect();
    expect(await backendOf(second)).toBe(before);
    await new Promise<void>((resolve) => second.query(FAILS_AS_LOST, () => resolve()));
    second.release();
    const third = await watched.connect();
    expect(await backendOf(third)).not.toBe(before);
    third.release();
  });

  it('passes everything else through to the pool', async () => {
    const watched = discardingBrokenClients(pool);
    expect((await watched.query<{ n: number }>('select 1 as n')).rows[0]!.n).toBe(1);
    expect(watched.totalCount).toBe(pool.totalCount);
  });
});

describe('connect with a callback', () => {
  it('lends a watched client to the callback, and its release discards a broken one', async () => {
    const watched = discardingBrokenClients(pool);
    const [client, done] = await new Promise<[pg.PoolClient, (release?: unknown) => void]>((resolve, reject) =>
      watched.connect((err, lent, release) =>
        err || !lent ? reject(err ?? new Error('no client')) : resolve([lent, release]),
      ),
    );
    const before = await backendOf(client);
    await expect(client.query(FAILS_AS_LOST)).rejects.toMatchObject({ code: '08006' });
    done();
    const next = await watched.connect();
    expect(await backendOf(next)).not.toBe(before);
    next.release();
  });
});
