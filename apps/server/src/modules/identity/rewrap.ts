import { sql } from 'drizzle-orm';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { SEALED_COLUMNS } from './sealed-columns';

/** Encrypted columns of the identity module: table, key column, encrypted column, purpose. */
const ENCRYPTED = Object.values(SEALED_COLUMNS);

/**
 * Moves values wrapped by an older key-encryption key to the newest one, in batches, and values of
 * the first stored form (`v1.`, not bound to a row) to the bound form. Runs after a key is added to
 * DATA_ENCRYPTION_KEYS; until it finishes, old values still open. Returns how many were re-wrapped.
 */
export async function rewrapPersonalData(db: Database, cipher: PersonalDataCipher, batchSize = 500): Promise<number> {
  const current = `v2.${cipher.primaryKeyId}.%`;
  let total = 0;
  for (const { table, key, column, purpose } of ENCRYPTED) {
    for (;;) {
      const rows = await db.execute<{ k: string; v: string }>(
        sql.raw(
          `select ${key}::text as k, ${column} as v from ${table} where ${column} is not null and ${column} not like '${current.replace(/'/g, "''")}' limit ${batchSize}`,
        ),
      );
      if (rows.rows.length === 0) break;
      for (const row of rows.rows) {
        // Compare-and-set: a concurrent writer's newer value is left alone.
        await db.execute(
          sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${cipher.rewrap(row.v, { purpose, rowId: row.k })} where ${sql.raw(key)}::text = ${row.k} and ${sql.raw(column)} = ${row.v}`,
        );
      }
      total += rows.rows.length;
    }
  }
  return total;
}
