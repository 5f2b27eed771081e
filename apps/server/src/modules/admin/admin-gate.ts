import type { AuthGuard } from '../../platform/http/auth';
import type { HttpApp } from '../../platform/http/types';

/** The path family only admins may reach, whichever module serves the route. */
export const ADMIN_PREFIX = '/v1/admin/';

/**
 * One gate in front of every `/v1/admin/…` route of every module, at `onRequest`: a route that
 * forgot its own guard is still closed, and callers without the role get 401/403 before their
 * input is even validated (nothing about the route's schema leaks). Routes keep their own guard too.
 */
export function gateAdminRoutes(app: HttpApp, guard: AuthGuard): void {
  const requireAdmin = guard.requireRole('admin');
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.url?.startsWith(ADMIN_PREFIX)) await requireAdmin(req);
  });
}
