import type { Cache } from '../../platform/cache';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database } from '../../platform/db/client';
import type { IdentityService } from '../identity';
import type { MediaService } from '../media';
import type { AuctionsLinkProvider } from './auctions-link';
import type { StoryEventHub } from './story-events';

export type StoriesIdentity = Pick<
  IdentityService,
  'guard' | 'makerProfile' | 'makerProfiles' | 'userStatus' | 'provisionMaker'
>;

/** What stories use of the media module (the file import brings the demo videos through the pipeline). */
export type StoriesMedia = Pick<
  MediaService,
  'get' | 'views' | 'isReadyAndOwnedBy' | 'scheduleDeletion' | 'importFile' | 'withhold'
>;

/** What the stories module's use cases are built from. */
export interface StoriesDeps {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  identity: StoriesIdentity;
  media: StoriesMedia;
  auctions: AuctionsLinkProvider;
  events: StoryEventHub;
  cache: Cache;
}
