import type { IdentityService } from '../identity';

/** What this module calls of the identity service: the route guard, where a user is reached and in which language. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'contactOf'>;

/** The other modules this one calls, every port required. */
export interface NotificationsPorts {
  identity: IdentityPort;
}
