import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';
import type { IdentityService } from '../identity';
import type { NotificationsService } from '../notifications';
import type { StoriesService } from '../stories';

/** What this module calls of the identity service: the route guard and makers' public names. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'displayName'>;

/** The part of the stories service moderation uses. */
export type StoriesPort = Pick<
  StoriesService,
  'listReports' | 'resolveReport' | 'unpublishByAdmin' | 'storiesByIds' | 'onEvent'
>;

/** What this module calls of the notifications service (inside its transactions). */
export type NotificationsPort = Pick<NotificationsService, 'notify'>;

/** The other modules this one calls, every port required (all are built before this module). */
export interface AdminPorts {
  identity: IdentityPort;
  stories: StoriesPort;
  notifications: NotificationsPort;
}

export interface AdminDeps extends AdminPorts {
  db: Database;
  clock: Clock;
  guard: AuthGuard;
}
