import type { Executor } from '../../platform/db/client';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import { adminConversationRoutes } from './admin-routes';
import { blockRoutes } from './block-routes';
import { conversationRoutes } from './conversation-routes';
import type { ConversationsDeps, ConversationsPorts } from './deps';
import { NOTIFY_UNREAD_TASK, notifyUnread } from './notify-unread';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { blockedCondition, hasBlocked } from './repo';
import { eraseConversationData, exportConversationData } from './user-data';

export type { ConversationsPorts, IdentityPort, NotificationsPort, OrdersPort, StoriesPort } from './deps';

/** The conversations module's public face for other modules. */
export interface ConversationsService {
  /** Whether `blockerId` blocked `blockedId` (read in the caller's transaction when given). */
  hasBlocked(blockerId: string, blockedId: string, tx?: Executor): Promise<boolean>;
  /** The same as an SQL condition, for another module's statement (`blockerId` may be its column). */
  blockedCondition(blockerId: SQLWrapper | string, blockedId: SQLWrapper | string): SQL<boolean>;
}

/** Conversations about stories and orders, their messages and read state, reports, and blocking. */
export function createConversationsModule(
  ctx: AppContext,
  ports: ConversationsPorts,
): { module: AppModule; service: ConversationsService } {
  const deps: ConversationsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'conversations' }),
    realtime: ctx.realtime,
    ...ports,
  };

  const service: ConversationsService = {
    hasBlocked: (blockerId, blockedId, tx) => hasBlocked(tx ?? deps.db, blockerId, blockedId),
    blockedCondition,
  };

  const module: AppModule = {
    name: 'conversations',
    routes: (app) => {
      conversationRoutes(app, deps);
      blockRoutes(app, deps);
      adminConversationRoutes(app, deps);
    },
    tasks: [
      defineTask(NOTIFY_UNREAD_TASK, async (payload) => {
        await notifyUnread(deps, payload);
      }),
    ],
    exportUserData: (userId) => exportConversationData(deps, userId),
    eraseUserData: (tx, userId) => eraseConversationData(deps, tx, userId),
  };
  return { module, service };
}
