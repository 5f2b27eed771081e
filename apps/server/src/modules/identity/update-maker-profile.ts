import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { assertAvatarUsable, presentMakerOne } from './maker-avatars';
import { lockMakerProfile, updateMakerProfileRow } from './maker-repo';
import type { MakerProfile } from './present';

export interface MakerProfileChanges {
  displayName?: string | undefined;
  bio?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  avatarMediaId?: string | null | undefined;
}

/** A blank text clears the field. */
const orNull = (value: string | null): string | null => (value && value.trim() ? value.trim() : null);

/**
 * Changes the caller's maker profile; keys left out stay as they are, null clears. 404
 * `maker_not_found` when the caller is not a maker; the avatar must be the caller's own ready image.
 * An avatar image replaced or removed is deleted (its media and files) in the same transaction, so
 * old photos are not kept and served on.
 */
export async function updateMakerProfile(
  deps: IdentityDeps,
  userId: string,
  changes: MakerProfileChanges,
): Promise<MakerProfile> {
  if (changes.avatarMediaId) await assertAvatarUsable(deps, userId, changes.avatarMediaId);
  const set: Parameters<typeof updateMakerProfileRow>[2] = { updatedAt: deps.clock.now() };
  if (changes.displayName !== undefined) set.displayName = changes.displayName.trim();
  if (changes.bio !== undefined) set.bio = orNull(changes.bio);
  if (changes.city !== undefined) set.city = orNull(changes.city);
  if (changes.country !== undefined) set.country = orNull(changes.country)?.toUpperCase() ?? null;
  if (changes.avatarMediaId !== undefined) {
    set.avatarMediaId = changes.avatarMediaId;
    set.avatarUrl = null;
  }
  const row = await deps.db.transaction(async (tx) => {
    const before = await lockMakerProfile(tx, userId);
    if (!before) throw new DomainError('maker_not_found', 'You have no maker profile');
    const updated = await updateMakerProfileRow(tx, userId, set);
    const previous = before.avatarMediaId;
    if (previous && changes.avatarMediaId !== undefined && changes.avatarMediaId !== previous) {
      await deps.media().scheduleDeletion(tx, [previous]);
    }
    return updated;
  });
  if (!row) throw new DomainError('maker_not_found', 'You have no maker profile');
  return presentMakerOne(deps, row);
}
