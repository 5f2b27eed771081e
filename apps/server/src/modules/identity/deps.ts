import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
import type { AccessChange } from '../../platform/realtime/realtime';
import type { AccessTokens } from './access-tokens';
import type { SessionStandingCache } from './session-standing-cache';

/** What identity needs to know of an avatar image. */
export interface AvatarMediaView {
  ownerId: string;
  kind: 'video' | 'image';
  /** The version ready to show; absent until the pipeline has made one. */
  version?: number;
  posterUrl?: string;
  imageUrl?: string;
}

/**
 * What identity uses of the media module (declared here: media is built later): views of avatar
 * images with freshly signed URLs (media deleted or withheld is absent), and the deletion of an
 * avatar a maker replaced or removed.
 */
export interface MediaPort {
  views(mediaIds: string[]): Promise<Map<string, AvatarMediaView>>;
  /** Marks media deleted inside `tx` and queues the removal of its files once `tx` commits. */
  scheduleDeletion(tx: Executor, mediaIds: string[]): Promise<void>;
}

/**
 * What identity shows of a maker's followers on their profile (declared here: the social module
 * is built later).
 */
export interface SocialPort {
  /** The follower count, and whether the viewer follows the maker (absent for no viewer). */
  followSummary(makerId: string, viewerId: string | null): Promise<{ followerCount: number; following?: boolean }>;
}

/** A maker's rating from buyers' reviews (declared here: reviews are built later). */
export interface ReviewsPort {
  /** The average of the maker's ratings (null while there are none) and how many there are. */
  ratingOf(makerId: string): Promise<{ average: number | null; count: number }>;
}

/**
 * The other modules this one calls, every port required. Media is built after identity (it needs
 * the route guard), and so are social and reviews, so they are reached late: through a function
 * the composition root answers once that module exists.
 */
export interface IdentityPorts {
  media: () => MediaPort;
  social: () => SocialPort;
  reviews: () => ReviewsPort;
}

/** What the identity use cases need. */
export interface IdentityDeps extends IdentityPorts {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  tokens: AccessTokens;
  /** ADMIN_EMAILS as configured now, normalised. */
  adminEmails: readonly string[];
  /** The session checks this process keeps in memory. */
  standings: SessionStandingCache;
  /**
   * Tells every process (this one at once) that a session's or an account's standing changed:
   * their session checks in memory are dropped, and on an ending its live connections close.
   * Called once the change has committed (`afterCommit` inside a transaction): a process that
   * read the standing again before the commit would keep the old one.
   */
  announceAccess(change: AccessChange): Promise<void>;
}
