import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { insertMakerProfile } from './maker-repo';
import { presentMakerOne } from './maker-avatars';
import type { MakerProfile } from './present';
import { sealedFor } from './sealed-columns';
import { addRole } from './user-repo';

/** Creates the caller's maker profile; the caller gains the `maker` role. */
export async function createMakerProfile(
  deps: IdentityDeps,
  userId: string,
  input: {
    displayName: string;
    bio?: string | undefined;
    city?: string | undefined;
    country?: string | undefined;
    legalName?: string | undefined;
  },
): Promise<MakerProfile> {
  const row = await deps.db.transaction(async (tx) => {
    const row = await insertMakerProfile(tx, {
      userId,
      displayName: input.displayName.trim(),
      bio: input.bio ?? null,
      city: input.city ?? null,
      country: input.country?.toUpperCase() ?? null,
      legalNameEncrypted: input.legalName
        ? deps.secrets.cipher.encrypt(input.legalName, sealedFor('legalName', userId))
        : null,
    });
    if (!row) throw new DomainError('maker_profile_exists', 'You already have a maker profile');
    await addRole(tx, userId, 'maker');
    afterCommit(tx, () => deps.announceAccess({ userId, reason: 'account_changed' }));
    return row;
  });
  return presentMakerOne(deps, row);
}
