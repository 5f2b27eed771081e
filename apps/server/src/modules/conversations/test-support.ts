/** Test support for the conversations module's tests (not used by the product). */
import type { Runtime } from '../../composition/runtime';
import type { ConversationsDeps } from './deps';

/** The module's deps over a running product (for running its job directly). */
export function conversationsDepsOf(runtime: Runtime): ConversationsDeps {
  const { ctx, modules } = runtime;
  return {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    realtime: ctx.realtime,
    identity: modules.identity,
    stories: modules.stories,
    orders: modules.orders,
    notifications: modules.notifications,
  };
}
