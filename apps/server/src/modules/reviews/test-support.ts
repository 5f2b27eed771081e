/** Test support for the reviews module's tests (not used by the product). */
import type { Runtime } from '../../composition/runtime';
import type { ReviewsDeps } from './deps';

/** The module's deps over a running product (for driving its use cases directly). */
export function reviewsDepsOf(runtime: Runtime): ReviewsDeps {
  const { ctx, modules } = runtime;
  return {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    identity: modules.identity,
    orders: modules.orders,
    notifications: modules.notifications,
  };
}
