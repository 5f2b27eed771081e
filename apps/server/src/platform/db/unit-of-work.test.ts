import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from './client';
import { afterCommit, deferWrite, inTransaction } from './unit-of-work';

let handle: DatabaseHandle;
const logged: { details: Record<string, unknown>; message: string }[] = [];

beforeAll(async () => {
  handle = openDatabase(await createTestDatabase(), 4, undefined, {
    error: (details, message) => logged.push({ details, message }),
  });
  handle.pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Object.assign(client, {
      query: (...args: unknown[]) => {
        statementsSent++;
        return query(...args);
      },
    });
  });
  await handle.db.execute(sql`create table uow_probe (id int primary key)`);
  await handle.db.execute(sql`create table uow_facts (id int primary key, fact text not null)`);
});

/** Statements sent on any of the pool's connections (BEGIN and COMMIT included). */
let statementsSent = 0;

afterAll(async () => {
  await handle.close();
});

/** Whether row `id` is visible from another connection (i.e. committed). */
async function committed(id: number): Promise<boolean> {
  const { rows } = await handle.pool.query('select 1 from uow_probe where id = $1', [id]);
  return rows.length === 1;
}

describe('unit of work', () => {
  it('runs the effects after the commit, in the order they were registered', async () => {
    const seen: string[] = [];
    const answer = await inTransaction(handle.db, async (tx, uow) => {
      await tx.execute(sql`insert into uow_probe values (1)`);
      uow.afterCommit(async () => {
        seen.push(`first, committed: ${await committed(1)}`);
      });
      afterCommit(tx, () => {
        seen.push('second');
      });
      seen.push('inside');
      return 'done';
    });
    expect(answer).toBe('done');
    expect(seen).toEqual(['inside', 'first, committed: true', 'second']);
  });

  it('runs nothing after a rollback', async () => {
    const seen: string[] = [];
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into uow_probe values (2)`);
        afterCommit(tx, () => {
          seen.push('published');
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await committed(2)).toBe(false);
    expect(seen).toEqual([]);
  });

  it('drops what a rolled-back savepoint registered and keeps the rest of the transaction', async () => {
    const seen: string[] = [];
    await handle.db.transaction(async (tx) => {
      afterCommit(tx, () => {
        seen.push('outer before');
      });
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into uow_probe values (3)`);
          afterCommit(inner, () => {
            seen.push('rolled back savepoint');
          });
          throw new Error('refused inside');
        })
        .catch(() => undefined);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into uow_probe values (4)`);
        afterCommit(inner, () => {
          seen.push('released savepoint');
        });
      });
      afterCommit(tx, () => {
        seen.push('outer after');
      });
    });
    expect(await committed(3)).toBe(false);
    expect(await committed(4)).toBe(true);
    expect(seen).toEqual(['outer before', 'released savepoint', 'outer after']);
  });

  it('logs a failing effect, runs the next ones, and leaves the commit standing', async () => {
    const seen: string[] = [];
    logged.length = 0;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into uow_probe values (5)`);
      afterCommit(tx, () => {
        throw new Error('bus down');
      });
      afterCommit(tx, () => {
        seen.push('next');
      });
    });
    expect(await committed(5)).toBe(true);
    expect(seen).toEqual(['next']);
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.details.err)).toContain('bus down');
  });

  it('sends the deferred writes together as one statement just before the commit', async () => {
    let inside = 0;
    statementsSent = 0;
    await handle.db.transaction(async (tx) => {
      await deferWrite(tx, sql`insert into uow_probe values (20)`);
      await deferWrite(tx, sql`insert into uow_facts values (20, 'first')`);
      await deferWrite(tx, sql`insert into uow_probe values (21)`);
      const { rows } = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from uow_probe where id in (20, 21)`,
      );
      inside = rows[0]!.n;
    });
    // Not written when the transaction read; written by the one statement before the commit.
    expect(inside).toBe(0);
    expect(statementsSent).toBe(4); // BEGIN, the read, the three writes as one, COMMIT
    expect(await committed(20)).toBe(true);
    expect(await committed(21)).toBe(true);
    const { rows } = await handle.pool.query('select fact from uow_facts where id = 20');
    expect(rows).toEqual([{ fact: 'first' }]);
  });

  it('keeps the last deferred write of a key, and rolls back with the transaction', async () => {
    await handle.db.execute(sql`insert into uow_facts values (22, 'old')`);
    const overwrite = (fact: string) => sql`update uow_facts set fact = ${fact} where id = 22`;
    await handle.db.transaction(async (tx) => {
      await deferWrite(tx, overwrite('stale'), { key: 'fact:22' });
      await deferWrite(tx, sql`insert into uow_probe values (22)`);
      await deferWrite(tx, overwrite('current'), { key: 'fact:22' });
    });
    const facts = await handle.pool.query('select fact from uow_facts where id = 22');
    expect(facts.rows).toEqual([{ fact: 'current' }]);
    expect(await committed(22)).toBe(true);

    await expect(
      handle.db.transaction(async (tx) => {
        await deferWrite(tx, sql`insert into uow_probe values (23)`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await committed(23)).toBe(false);
  });

  it('drops the deferred writes of a rolled-back savepoint and keeps a released one', async () => {
    await handle.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await deferWrite(inner, sql`insert into uow_probe values (24)`);
          throw new Error('refused inside');
        })
        .catch(() => undefined);
      await tx.transaction(async (inner) => {
        await deferWrite(inner, sql`insert into uow_probe values (25)`);
      });
    });
    expect(await committed(24)).toBe(false);
    expect(await committed(25)).toBe(true);
  });

  it('runs a deferred write at once outside a transaction', async () => {
    await deferWrite(handle.db, sql`insert into uow_probe values (26)`);
    expect(await committed(26)).toBe(true);
  });

  it('refuses an effect registered outside a transaction', () => {
    expect(() => afterCommit(handle.db, () => undefined)).toThrow(/needs a transaction/);
  });
});
