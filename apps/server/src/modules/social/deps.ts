import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { IdentityService } from '../identity';
import type { NotificationsService } from '../notifications';
import type { StoriesService } from '../stories';

/** What this module calls of identity: the route guard and the makers being followed. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'makerProfile' | 'makerProfiles' | 'userStatus'>;

/** What this module calls of notifications: the followers' `new_story` notices, many at once. */
export type NotificationsPort = Pick<NotificationsService, 'notifyMany'>;

/** What this module calls of stories: it hears of every publication, and asks whether a story is still public. */
export type StoriesPort = Pick<StoriesService, 'onPublished' | 'storyVisibleTo'>;

/** The other modules this one calls, every port required. */
export interface SocialPorts {
  identity: IdentityPort;
  notifications: NotificationsPort;
  stories: StoriesPort;
}

/** What the social module's use cases are built from. */
export interface SocialDeps extends SocialPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Followers notified per batch job of a new story's fan-out. */
  fanOutBatchSize: number;
}
