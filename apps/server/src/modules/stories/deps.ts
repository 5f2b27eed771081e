import type { Cache } from '../../platform/cache';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
import type { IdentityService } from '../identity';
import type { MediaService } from '../media';
import type { AuctionSummary } from './auctions-link';
import type { SearchIndexPort } from './search-index';
import type { StoryEventHub } from './story-events';

/** What this module calls of the identity service. */
export type IdentityPort = Pick<
  IdentityService,
  'guard' | 'makerProfile' | 'makerProfiles' | 'userStatus' | 'provisionMaker'
>;

/** What stories use of the media module (the file import brings the demo videos through the pipeline). */
export type MediaPort = Pick<
  MediaService,
  'get' | 'views' | 'isReadyAndOwnedBy' | 'scheduleDeletion' | 'importFile' | 'withhold'
>;

/** What this module calls of the auctions module. */
export interface AuctionsPort {
  /** The current auction of each story that has one. */
  summaries(storyIds: string[]): Promise<Map<string, AuctionSummary>>;
  /**
   * True while an auction is active or awaiting payment, or a buy-now holds the story. Called with
   * the caller's transaction after it locked the story row, so an auction starting at the same
   * moment (which locks the row through `lockStoryTerms`) is seen.
   */
  blocksStoryChanges(storyId: string, tx: Executor): Promise<boolean>;
  /** Removes the auctions module's records of a story being deleted, in the deleting transaction. */
  eraseStory(tx: Executor, storyId: string): Promise<void>;
  /** The maker's stories whose piece was sold (an auction's or a buy-now's payment went through). */
  soldStoryIds(makerId: string): Promise<string[]>;
}

/** What the stories module asks of the social module (follows): the Following feed's makers. */
export interface SocialPort {
  /** Ids of the makers the user follows. */
  followedMakerIds(userId: string): Promise<string[]>;
}

/** Follower counts of makers (maker search shows them); a maker nobody follows is absent. */
export interface FollowersPort {
  followerCounts(makerIds: string[]): Promise<Map<string, number>>;
}

/**
 * The other modules this one calls, every port required. Auctions is built after this module (it
 * needs the story terms), and so is social, so both are reached late: through a function the
 * composition root answers once that module exists.
 */
export interface StoriesPorts {
  identity: IdentityPort;
  media: MediaPort;
  auctions: () => AuctionsPort;
  /** Built after this module (it listens for publications), so reached late. */
  social: () => SocialPort;
  /** Follower counts for maker search (follows live in a module built after this one). */
  followers: () => FollowersPort;
}

/** What the stories module's use cases are built from. */
export interface StoriesDeps extends StoriesPorts {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  events: StoryEventHub;
  cache: Cache;
  searchIndex: SearchIndexPort;
}
