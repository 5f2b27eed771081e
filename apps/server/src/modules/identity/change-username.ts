import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { presentUser, type PublicUser } from './present';
import { USERNAME } from './rules';
import { isUniqueViolation, updateUser } from './user-repo';

/** Changes the caller's username (unique, case-insensitively). */
export async function changeUsername(deps: IdentityDeps, userId: string, username: string): Promise<PublicUser> {
  const wanted = username.trim().toLowerCase();
  if (!USERNAME.test(wanted)) {
    throw new DomainError(
      'invalid_username',
      'Usernames are 3–30 letters, digits, "_" or "." and start with a letter or digit',
    );
  }
  try {
    const row = await updateUser(deps.db, userId, { username: wanted, updatedAt: deps.clock.now() });
    if (!row) throw new DomainError('user_not_found', 'No such user');
    return presentUser(row);
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_key')) throw new DomainError('username_taken', 'That username is taken');
    throw err;
  }
}
