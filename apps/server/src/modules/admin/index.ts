import type { AppContext, AppModule } from '../../platform/module';
import type { IdentityService } from '../identity';
import type { NotificationsService } from '../notifications';
import { gateAdminRoutes } from './admin-gate';
import type { AdminDeps, AdminStories } from './deps';
import { noticeModerationOutcome } from './moderation-notices';
import { adminRoutes } from './routes';

export { ADMIN_PREFIX } from './admin-gate';

/**
 * Moderation (the report queue, decisions, archiving), the audit log, the gate in front of every
 * `/v1/admin/…` route, and the moderation-outcome notifications (SPEC §9). No tables of its own:
 * reports are the stories module's, the audit log the platform's.
 */
export function createAdminModule(
  ctx: AppContext,
  links: {
    identity: IdentityService;
    stories: AdminStories;
    notifications: Pick<NotificationsService, 'notify'>;
  },
): { module: AppModule } {
  const deps: AdminDeps = {
    db: ctx.db,
    clock: ctx.clock,
    guard: links.identity.guard,
    identity: links.identity,
    stories: links.stories,
    notifications: links.notifications,
  };
  links.stories.onEvent((tx, event) => noticeModerationOutcome(deps, tx, event));

  const module: AppModule = {
    name: 'admin',
    routes: (app) => {
      gateAdminRoutes(app, deps.guard);
      adminRoutes(app, deps);
    },
  };
  return { module };
}
