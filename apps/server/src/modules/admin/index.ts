import type { AppContext, AppModule } from '../../platform/module';
import { gateAdminRoutes } from './admin-gate';
import type { AdminDeps, AdminPorts } from './deps';
import { noticeModerationOutcome } from './moderation-notices';
import { adminRoutes } from './routes';

export { ADMIN_PREFIX } from './admin-gate';
export type { AdminPorts, IdentityPort, NotificationsPort, StoriesPort } from './deps';

/**
 * Moderation (the report queue, decisions, archiving), the audit log, the gate in front of every
 * `/v1/admin/…` route, and the moderation-outcome notifications. No tables of its own:
 * reports are the stories module's, the audit log the platform's.
 */
export function createAdminModule(ctx: AppContext, ports: AdminPorts): { module: AppModule } {
  const deps: AdminDeps = {
    db: ctx.db,
    clock: ctx.clock,
    guard: ports.identity.guard,
    ...ports,
  };
  ports.stories.onEvent((tx, event) => noticeModerationOutcome(deps, tx, event));

  const module: AppModule = {
    name: 'admin',
    routes: (app) => {
      gateAdminRoutes(app, deps.guard);
      adminRoutes(app, deps);
    },
  };
  return { module };
}
