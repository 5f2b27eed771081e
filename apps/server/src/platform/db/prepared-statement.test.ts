import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { columnPlaceholder, openDatabase, preparedStatement, type Database, type DatabaseHandle } from './client';

const probe = pgTable('prepared_probe', {
  id: integer('id').primaryKey(),
  note: text('note'),
  at: timestamp('at', { withTimezone: true }),
});

let handle: DatabaseHandle;
let builds = 0;

/** An insert built by the query builder, counted each time it is built. */
function insertProbe(db: Database) {
  builds++;
  return db
    .insert(probe)
    .values({
      id: columnPlaceholder(probe.id, 'id'),
      note: columnPlaceholder(probe.note, 'note'),
      at: columnPlaceholder(probe.at, 'at'),
    })
    .returning()
    .prepare('prepared_probe_insert');
}

beforeAll(async () => {
  handle = openDatabase(await createTestDatabase(), 2);
  await handle.db.execute(sql`create table prepared_probe (id int primary key, note text, at timestamptz)`);
});

afterAll(async () => {
  await handle.close();
});

const stored = async (id: number) => (await handle.db.select().from(probe).where(eq(probe.id, id)))[0];

describe('a prepared statement', () => {
  it('runs inside the transaction it is used on: a rollback takes its write back', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await preparedStatement(tx, 'prepared_probe_insert', insertProbe).execute({ id: 1, note: 'x', at: null });
        expect(await tx.select().from(probe).where(eq(probe.id, 1))).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await stored(1)).toBeUndefined();
  });

  it('is built once for each connection, however many transactions use it', async () => {
    for (let id = 10; id < 30; id++) {
      await handle.db.transaction((tx) =>
        preparedStatement(tx, 'prepared_probe_insert', insertProbe).execute({ id, note: null, at: null }),
      );
    }
    // The pool holds two connections: at most one build each, for the twenty-one transactions so far.
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThanOrEqual(2);
  });

  it('encodes its values as the columns do, and keeps nulls null', async () => {
    const at = new Date('2026-12-07T10:11:12.345Z');
    const [row] = await preparedStatement(handle.db, 'prepared_probe_insert', insertProbe).execute({
      id: 40,
      note: 'noted',
      at,
    });
    expect(row).toEqual({ id: 40, note: 'noted', at });
    expect(await stored(40)).toEqual({ id: 40, note: 'noted', at });
    await preparedStatement(handle.db, 'prepared_probe_insert', insertProbe).execute({ id: 41, note: null, at: null });
    expect(await stored(41)).toEqual({ id: 41, note: null, at: null });
  });
});
