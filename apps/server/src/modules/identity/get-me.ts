import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { findMakerProfile } from './maker-repo';
import { presentMakerOne } from './maker-avatars';
import { presentUser, type MakerProfile, type PublicUser } from './present';
import { effectiveRoles } from './rules';
import { sealedFor } from './sealed-columns';
import { findUserById } from './user-repo';

export type Me = PublicUser & { phone: string | null; maker: MakerProfile | null };

/** The signed-in user: account, roles as held today, phone number and maker profile. */
export async function getMe(deps: IdentityDeps, userId: string): Promise<Me> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('user_not_found', 'No such user');
  const maker = await findMakerProfile(deps.db, userId);
  const roles = effectiveRoles(user.roles, user.email, deps.adminEmails);
  return {
    ...presentUser({ ...user, roles }),
    phone: user.phoneEncrypted ? deps.secrets.cipher.decrypt(user.phoneEncrypted, sealedFor('phone', user.id)) : null,
    maker: maker ? await presentMakerOne(deps, maker) : null,
  };
}
