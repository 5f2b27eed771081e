import { sql } from 'drizzle-orm';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';

/** Encrypted columns of the identity module: table, key column, encrypted column. */
const ENCRYPTED = [
  ['identity.users', 'id', 'phone_encrypted'],
  ['identity.users', 'id', 'totp_secret_encrypted'],
  ['identity.maker_profiles', 'user_id', 'legal_name_encrypted'],
  ['identity.signing_keys', 'kid', 'private_jwk_encrypted'],
] as const;

/**
 * Moves values wrapped by an older key-encryption key to the newest one, in batches. Runs after a
 * key is added to DATA_ENCRYPTION_KEYS; until it finishes, old values still open with the old key.
 * Returns how many values were re-wrapped.
 */
export async function rewrapPersonalData(db: Database, cipher: PersonalDataCipher, batchSize = 500): Promise<number> {
  const current = `v1.${cipher.primaryKeyId}.%`;
  let total = 0;
  for (const [table, key, column] of ENCRYPTED) {
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
          sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${cipher.rewrap(row.v)} where ${sql.raw(key)}::text = ${row.k} and ${sql.raw(column)} = ${row.v}`,
        );
      }
      total += rows.rows.length;
    }
  }
  return total;
}
