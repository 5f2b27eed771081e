import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { openDatabase, type DatabaseHandle } from './client';
import { afterCommit, inTransaction } from './unit-of-work';

let handle: DatabaseHandle;
const logged: { details: Record<string, unknown>; message: string }[] = [];

beforeAll(async () => {
  handle = openDatabase(await createTestDatabase(), 4, undefined, {
    error: (details, message) => logged.push({ details, message }),
  });
  await handle.db.execute(sql`create table uow_probe (id int primary key)`);
});

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

  it('refuses an effect registered outside a transaction', () => {
    expect(() => afterCommit(handle.db, () => undefined)).toThrow(/needs a transaction/);
  });
});
