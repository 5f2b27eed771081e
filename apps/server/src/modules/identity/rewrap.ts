import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { SEALED_COLUMNS } from './sealed-columns';
import { findValuesNotLike, replaceValue } from './sealed-value-repo';

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
  for (const column of ENCRYPTED) {
    for (;;) {
      const rows = await findValuesNotLike(db, column, current, batchSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        await replaceValue(db, column, row.k, row.v, cipher.rewrap(row.v, { purpose: column.purpose, rowId: row.k }));
      }
      total += rows.length;
    }
  }
  return total;
}
