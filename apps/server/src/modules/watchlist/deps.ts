import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import type { Caller } from '../../platform/http/types';
import type { Logger } from 'pino';
import type { AuctionLifecycleListener, AuctionTiming } from '../auctions';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';
import type { StoryCard } from '../stories';

/** What this module calls of the identity service: the route guard. */
export type IdentityPort = Pick<IdentityService, 'guard'>;

/** What this module reads of stories: who may see one, and the feed's items for a page of them. */
export interface StoriesPort {
  storyVisibleTo(storyId: string, caller: Caller | null): Promise<boolean>;
  storyCards(storyIds: string[], caller: Caller | null): Promise<StoryCard[]>;
  storiesByIds(storyIds: string[]): Promise<Map<string, { title: string }>>;
}

/** What this module follows of auctions: their lifecycle, and an auction's current end. */
export interface AuctionsPort {
  onEvent(listener: AuctionLifecycleListener): void;
  auctionTiming(auctionId: string): Promise<AuctionTiming | null>;
}

/** The part of the notifications service this module calls (inside its transactions). */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput): Promise<void>;
}

/** The other modules this one calls, every port required. */
export interface WatchlistPorts {
  identity: IdentityPort;
  stories: StoriesPort;
  auctions: AuctionsPort;
  notifications: NotificationsPort;
}

/** Everything the use cases need, built once by the module factory. */
export interface WatchlistDeps extends WatchlistPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The configured auction length: reminder leads shrink with it, as the auctions' own notice does. */
  auctionDurationSeconds: number;
}
