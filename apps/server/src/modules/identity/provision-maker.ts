import { afterCommit } from '../../platform/db/unit-of-work';
import type { IdentityDeps } from './deps';
import { findMakerProfile, insertMakerProfile } from './maker-repo';
import { normalizeEmail } from './rules';
import { addRole, findUserByEmail, insertUser } from './user-repo';

export interface ProvisionMakerInput {
  email: string;
  displayName: string;
  bio?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
}

/**
 * Finds or creates the account of `email` and gives it a maker profile (demo data and operator
 * scripts, where nobody signs in by code). Idempotent; an existing profile is left as it is.
 */
export async function provisionMaker(
  deps: Pick<IdentityDeps, 'db' | 'announceAccess'>,
  input: ProvisionMakerInput,
): Promise<string> {
  const email = normalizeEmail(input.email);
  return deps.db.transaction(async (tx) => {
    const user = (await findUserByEmail(tx, email)) ?? (await insertUser(tx, { email, roles: ['viewer'] }, email));
    if (!(await findMakerProfile(tx, user.id))) {
      await insertMakerProfile(tx, {
        userId: user.id,
        displayName: input.displayName.trim(),
        bio: input.bio ?? null,
        city: input.city ?? null,
        country: input.country?.toUpperCase() ?? null,
      });
      await addRole(tx, user.id, 'maker');
      afterCommit(tx, () => deps.announceAccess({ userId: user.id, reason: 'account_changed' }));
    }
    return user.id;
  });
}
