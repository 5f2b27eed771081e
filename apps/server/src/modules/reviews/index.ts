import type { AppContext, AppModule } from '../../platform/module';
import { adminReviewRoutes } from './admin-routes';
import type { ReviewsDeps, ReviewsPorts } from './deps';
import { ratingOf } from './read-reviews';
import { reviewRoutes } from './review-routes';
import { eraseReviewData, exportReviewData } from './user-data';

export type { IdentityPort, NotificationsPort, OrdersPort, ReviewsPorts } from './deps';

/** The reviews module's public face for other modules. */
export interface ReviewsService {
  /** The maker's rating: the average of the reviews on show (null while there are none) and their count. */
  ratingOf(makerId: string): Promise<{ average: number | null; count: number }>;
}

/** Buyers' reviews of makers after delivery, the makers' answers, reports and their moderation. */
export function createReviewsModule(
  ctx: AppContext,
  ports: ReviewsPorts,
): { module: AppModule; service: ReviewsService } {
  const deps: ReviewsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'reviews' }),
    ...ports,
  };

  const service: ReviewsService = {
    ratingOf: (makerId) => ratingOf(deps, makerId),
  };

  const module: AppModule = {
    name: 'reviews',
    routes: (app) => {
      reviewRoutes(app, deps);
      adminReviewRoutes(app, deps);
    },
    exportUserData: (userId) => exportReviewData(deps, userId),
    eraseUserData: (tx, userId) => eraseReviewData(deps, tx, userId),
  };
  return { module, service };
}
