import type { Caller } from '../../platform/http/types';
import { decodeCursor, encodeCursor } from '../../platform/keyset-cursor';
import type { SocialDeps } from './deps';
import { followerCountsOf, followingPage } from './repo';
import type { FollowedMaker } from './schemas';

/**
 * The makers the caller follows, most recently followed first, with their profiles and follower
 * counts. Keyset pages on (followedAt, makerId); a maker who is no longer a maker is left out.
 */
export async function listFollowing(
  deps: SocialDeps,
  caller: Caller,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: FollowedMaker[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await followingPage(deps.db, { followerId: caller.userId, limit: input.limit + 1, after });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.makerId }) : null;
  const ids = page.map((r) => r.makerId);
  const [profiles, counts] = await Promise.all([deps.identity.makerProfiles(ids), followerCountsOf(deps.db, ids)]);
  const items = page.flatMap((row) => {
    const profile = profiles.get(row.makerId);
    if (!profile) return [];
    return [{ ...profile, followerCount: counts.get(row.makerId) ?? 0, followedAt: row.createdAt.toISOString() }];
  });
  return { items, nextCursor };
}
