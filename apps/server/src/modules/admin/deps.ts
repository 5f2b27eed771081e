import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';
import type { IdentityService } from '../identity';
import type { NotificationsService } from '../notifications';
import type { StoriesService } from '../stories';

/** The part of the stories service moderation uses. */
export type AdminStories = Pick<
  StoriesService,
  'listReports' | 'resolveReport' | 'unpublishByAdmin' | 'storiesByIds' | 'onEvent'
>;

export interface AdminDeps {
  db: Database;
  clock: Clock;
  guard: AuthGuard;
  identity: Pick<IdentityService, 'displayName'>;
  stories: AdminStories;
  notifications: Pick<NotificationsService, 'notify'>;
}
