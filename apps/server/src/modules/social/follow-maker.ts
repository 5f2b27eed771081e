import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { SocialDeps } from './deps';
import { addFollow, followerCountsOf, removeFollow } from './repo';
import type { FollowState } from './schemas';

const makerNotFound = (): DomainError => new DomainError('maker_not_found', 'No such maker');

/**
 * Follows or unfollows a maker. Idempotent: following twice is one follow, unfollowing someone
 * not followed changes nothing, and the count moves only when a follow really appears or goes.
 * Only an active maker can be followed (404 otherwise), and never by themself (422).
 */
export async function setFollow(
  deps: SocialDeps,
  caller: Caller,
  makerId: string,
  following: boolean,
): Promise<FollowState> {
  if (following) {
    if (makerId === caller.userId) throw new DomainError('cannot_follow_self', 'You cannot follow yourself');
    const [profile, status] = await Promise.all([
      deps.identity.makerProfile(makerId),
      deps.identity.userStatus(makerId),
    ]);
    if (profile === null || status !== 'active') throw makerNotFound();
  } else if ((await deps.identity.makerProfile(makerId)) === null) {
    // Unfollowing a suspended maker is allowed; a user who is no maker at all is not found.
    throw makerNotFound();
  }
  return deps.db.transaction(async (tx) => {
    const changed = following
      ? await addFollow(tx, makerId, caller.userId, deps.clock.now())
      : await removeFollow(tx, makerId, caller.userId);
    // Nothing changed (a repeat): answer with the count as it stands.
    const followerCount = changed ?? (await followerCountsOf(tx, [makerId])).get(makerId)!;
    return { following, followerCount };
  });
}
