import { DomainError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { IdentityDeps } from './deps';
import { presentUser, type PublicUser } from './present';
import { USERNAME } from './rules';
import { isUniqueViolation, updateUser, type UserRow } from './user-repo';

/**
 * Changes the caller's username (unique, case-insensitively), the country they receive purchases
 * in (a blank or null one clears it) and the language they are written to in; keys left out stay
 * as they are.
 */
export async function updateAccount(
  deps: IdentityDeps,
  userId: string,
  input: { username?: string | undefined; country?: string | null | undefined; locale?: Locale | undefined },
): Promise<PublicUser> {
  const set: Partial<UserRow> = { updatedAt: deps.clock.now() };
  if (input.username !== undefined) set.username = validUsername(input.username);
  if (input.country !== undefined) set.country = input.country ? input.country.toUpperCase() : null;
  if (input.locale !== undefined) set.locale = input.locale;
  try {
    const row = await updateUser(deps.db, userId, set);
    if (!row) throw new DomainError('user_not_found', 'No such user');
    // Requests carry the account's language from the session check.
    if (input.locale !== undefined) await deps.announceAccess({ userId, reason: 'account_changed' });
    return presentUser(row);
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_key')) throw new DomainError('username_taken', 'That username is taken');
    throw err;
  }
}

function validUsername(username: string): string {
  const wanted = username.trim().toLowerCase();
  if (!USERNAME.test(wanted)) {
    throw new DomainError(
      'invalid_username',
      'Usernames are 3–30 letters, digits, "_" or "." and start with a letter or digit',
    );
  }
  return wanted;
}
