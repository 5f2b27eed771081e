import type { SealedFor } from '../../platform/crypto/envelope';

/** The encrypted columns of identity, each bound to its purpose and row (see `PersonalDataCipher`). */
export const SEALED_COLUMNS = {
  phone: { table: 'identity.users', key: 'id', column: 'phone_encrypted', purpose: 'identity.users.phone' },
  totpSecret: {
    table: 'identity.users',
    key: 'id',
    column: 'totp_secret_encrypted',
    purpose: 'identity.users.totp_secret',
  },
  legalName: {
    table: 'identity.maker_profiles',
    key: 'user_id',
    column: 'legal_name_encrypted',
    purpose: 'identity.maker_profiles.legal_name',
  },
  signingKey: {
    table: 'identity.signing_keys',
    key: 'kid',
    column: 'private_jwk_encrypted',
    purpose: 'identity.signing_keys.private_jwk',
  },
} as const;

/** The associated data of a value in one of identity's encrypted columns. */
export function sealedFor(column: keyof typeof SEALED_COLUMNS, rowId: string): SealedFor {
  return { purpose: SEALED_COLUMNS[column].purpose, rowId };
}
