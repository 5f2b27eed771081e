import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { presentMakerOne } from './maker-avatars';
import { findMakerProfile } from './maker-repo';
import type { MakerProfile } from './present';

/** A maker's shop-page profile: the public profile with followers, rating and since when. */
export interface MakerShopProfile extends MakerProfile {
  followerCount: number;
  /** Whether the viewer follows the maker; only for a signed-in viewer. */
  following?: boolean;
  rating: { average: number | null; count: number };
  /** When the maker opened their shop (ISO 8601). */
  since: string;
}

/** A maker's public profile; 404 `maker_not_found` when the user has none. */
export async function getMakerProfile(
  deps: IdentityDeps,
  userId: string,
  viewerId: string | null,
): Promise<MakerShopProfile> {
  const row = await findMakerProfile(deps.db, userId);
  if (!row) throw new DomainError('maker_not_found', 'No such maker');
  const [profile, follows, rating] = await Promise.all([
    presentMakerOne(deps, row),
    deps.social().followSummary(userId, viewerId),
    deps.reviews().ratingOf(userId),
  ]);
  return { ...profile, ...follows, rating, since: profile.createdAt };
}
