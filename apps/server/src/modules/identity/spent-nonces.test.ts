import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskList, type Task } from '../../platform/jobs';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';
import { deleteSpentNonces } from './spent-nonces';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer();
});
afterAll(async () => runtime.stop());

/** Stores nonces as issued `offsetSeconds` from now; `used` ones are consumed. */
async function nonces(n: number, offsetSeconds: number, used = false): Promise<string[]> {
  const hashes = Array.from({ length: n }, () => randomBytes(32).toString('hex'));
  for (const hash of hashes) {
    await runtime.ctx.pool.query(
      `insert into identity.federated_nonces (nonce_hash, provider, expires_at, consumed_at)
       values ($1, 'google', now() + make_interval(secs => $2), case when $3 then now() end)`,
      [hash, offsetSeconds, used],
    );
  }
  return hashes;
}

async function stored(hashes: string[]): Promise<number> {
  const { rows } = await runtime.ctx.pool.query<{ n: number }>(
    'select count(*)::int as n from identity.federated_nonces where nonce_hash = any($1)',
    [hashes],
  );
  return rows[0]!.n;
}

describe('sign-in nonces', () => {
  it('expired and used nonces are deleted in batches; live ones stay', async () => {
    const expired = await nonces(5, -60);
    const used = await nonces(3, 300, true);
    const live = await nonces(2, 300);
    const deleted = await deleteSpentNonces(runtime.ctx.db, new Date(), 2);
    expect(deleted).toBeGreaterThanOrEqual(8);
    expect(await stored(expired)).toBe(0);
    expect(await stored(used)).toBe(0);
    expect(await stored(live)).toBe(2);
  });

  it('are cleaned up by an hourly identity job', async () => {
    const identity = runtime.modules.list.find((m) => m.name === 'identity')!;
    expect(identity.crontab).toContainEqual(expect.stringMatching(/^\d+ \* \* \* \* identity:delete-spent-nonces$/));
    const expired = await nonces(3, -1);
    const live = await nonces(1, 300);
    const helpers = { logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } };
    await taskList(identity.tasks!)['identity:delete-spent-nonces']!({}, helpers as unknown as Parameters<Task>[1]);
    expect(await stored(expired)).toBe(0);
    expect(await stored(live)).toBe(1);
  });
});
