import type { Executor } from '../../platform/db/client';
import { isUuid } from '../../platform/ids';
import { findMakerProfile } from './maker-repo';
import { findUserById } from './user-repo';

/** What a shared link to a maker shows in its preview: the public profile and the avatar's image. */
export interface ShareableMaker {
  userId: string;
  displayName: string;
  bio: string | null;
  city: string | null;
  country: string | null;
  /** The avatar image (media id), for the preview's picture; null without one. */
  avatarMediaId: string | null;
}

/**
 * The maker a shared link may show: null when there is no such maker, or the account is
 * suspended or deleted (a shared link must not keep advertising them).
 */
export async function shareableMaker(db: Executor, userId: string): Promise<ShareableMaker | null> {
  if (!isUuid(userId)) return null;
  const [user, profile] = await Promise.all([findUserById(db, userId), findMakerProfile(db, userId)]);
  if (!user || !profile || user.status === 'suspended' || user.status === 'deleted') return null;
  return {
    userId: profile.userId,
    displayName: profile.displayName,
    bio: profile.bio,
    city: profile.city,
    country: profile.country,
    avatarMediaId: profile.avatarMediaId,
  };
}
