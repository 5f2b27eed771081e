import type { Executor } from '../../platform/db/client';
import { isUuid } from '../../platform/ids';
import type { AppContext, AppModule } from '../../platform/module';
import type { SocialDeps, SocialPorts } from './deps';
import { enqueueNewStoryFanOut, newStoryTasks } from './new-story-fan-out';
import { eraseFollowsOf, followedMakerIds, followerCountsOf, followsOf, isFollowing } from './repo';
import { socialRoutes } from './routes';

export type { IdentityPort, NotificationsPort, SocialPorts, StoriesPort } from './deps';

/** What a maker's profile shows of their followers. */
export interface FollowSummary {
  followerCount: number;
  /** Whether the viewer follows the maker; absent for a signed-out viewer. */
  following?: boolean;
}

/** The social module's public face for other modules. */
export interface SocialService {
  /** Ids of the makers the user follows (the Following feed). */
  followedMakerIds(userId: string): Promise<string[]>;
  /** Follower counts of these makers (maker search). */
  followerCounts(makerIds: string[]): Promise<Map<string, number>>;
  /** A maker's follower count and whether the viewer (when signed in) follows them. */
  followSummary(makerId: string, viewerId: string | null): Promise<FollowSummary>;
}

/**
 * Follows: following makers (idempotent, counted in the same transaction), the makers one
 * follows, and the `new_story` notification of every follower when a followed maker publishes.
 */
export function createSocialModule(
  ctx: AppContext,
  ports: SocialPorts,
  options: { fanOutBatchSize?: number } = {},
): { module: AppModule; service: SocialService } {
  const deps: SocialDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'social' }),
    fanOutBatchSize: options.fanOutBatchSize ?? 1000,
    ...ports,
  };
  ports.stories.onPublished((tx, published) => enqueueNewStoryFanOut(tx, published));

  const service: SocialService = {
    followedMakerIds: (userId) => (isUuid(userId) ? followedMakerIds(ctx.db, userId) : Promise.resolve([])),
    followerCounts: (makerIds) => followerCountsOf(ctx.db, [...new Set(makerIds.filter(isUuid))]),
    followSummary: async (makerId, viewerId) => {
      if (!isUuid(makerId)) return { followerCount: 0 };
      const [counts, following] = await Promise.all([
        followerCountsOf(ctx.db, [makerId]),
        viewerId !== null ? isFollowing(ctx.db, makerId, viewerId) : Promise.resolve(undefined),
      ]);
      const followerCount = counts.get(makerId) ?? 0;
      return following === undefined ? { followerCount } : { followerCount, following };
    },
  };

  const module: AppModule = {
    name: 'social',
    routes: (app) => socialRoutes(app, deps),
    tasks: newStoryTasks(deps),
    exportUserData: async (userId) => ({
      following: (await followsOf(ctx.db, userId)).map((f) => ({
        makerId: f.makerId,
        followedAt: f.createdAt.toISOString(),
      })),
    }),
    eraseUserData: (tx: Executor, userId) => eraseFollowsOf(tx, userId),
  };
  return { module, service };
}
