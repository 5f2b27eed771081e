import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Executor } from '../../platform/db/client';
import type { Locale } from '../../platform/i18n';
import { findUserById } from './user-repo';
import { sealedFor } from './sealed-columns';

export interface UserContact {
  email: string | null;
  phone: string | null;
  status: string;
  /** The language the user chose to be written to in; null while they have not chosen. */
  locale: Locale | null;
}

/** Where to reach a user (for notifications); the phone number is decrypted here and nowhere else. */
export async function contactOf(db: Executor, cipher: PersonalDataCipher, userId: string): Promise<UserContact | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  return {
    email: user.email,
    phone: user.phoneEncrypted ? cipher.decrypt(user.phoneEncrypted, sealedFor('phone', user.id)) : null,
    status: user.status,
    locale: user.locale,
  };
}
