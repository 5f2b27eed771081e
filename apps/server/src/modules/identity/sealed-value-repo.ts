/** SQL over identity's encrypted columns (see `SEALED_COLUMNS`), for re-wrapping them under a new key. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { SEALED_COLUMNS } from './sealed-columns';

type SealedColumn = (typeof SEALED_COLUMNS)[keyof typeof SEALED_COLUMNS];

/** Up to `limit` values of the column not yet in the form `current` (a LIKE pattern), with their row keys. */
export async function findValuesNotLike(
  db: Executor,
  column: SealedColumn,
  current: string,
  limit: number,
): Promise<{ k: string; v: string }[]> {
  const { table, key, column: name } = column;
  const rows = await db.execute<{ k: string; v: string }>(
    sql.raw(
      `select ${key}::text as k, ${name} as v from ${table} where ${name} is not null and ${name} not like '${current.replace(/'/g, "''")}' limit ${limit}`,
    ),
  );
  return rows.rows;
}

/** Compare-and-set: replaces the value only if it is still `old` (a concurrent writer's newer value is left alone). */
export async function replaceValue(
  db: Executor,
  column: SealedColumn,
  rowKey: string,
  old: string,
  next: string,
): Promise<void> {
  const { table, key, column: name } = column;
  await db.execute(
    sql`update ${sql.raw(table)} set ${sql.raw(name)} = ${next} where ${sql.raw(key)}::text = ${rowKey} and ${sql.raw(name)} = ${old}`,
  );
}
