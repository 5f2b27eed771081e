import type { Executor } from '../../platform/db/client';
import type { Caller } from '../../platform/http/types';
import type { AppContext, AppModule } from '../../platform/module';
import type { StoriesDeps, StoriesPorts } from './deps';
import { demoSeedTasks, scheduleDemoSeed } from './demo-seed';
import { feedRoutes } from './feed-routes';
import { listReports, resolveReport, type ModerationReport, type ReportFilter } from './moderate-reports';
import { reportRoutes } from './report-routes';
import type { AuctionSearchFacts } from './search-index';
import { postgresSearchIndex } from './search-repo';
import { searchRoutes } from './search-routes';
import type { StoryCard } from './schemas';
import { isUuid } from '../../platform/ids';
import {
  StoryEventHub,
  type StoryEventListener,
  type StoryPublishedListener,
  type StoryUnpublishedByAdmin,
} from './story-events';
import { findStoriesByIds, findStory, lockStory, storiesOfMaker } from './story-repo';
import { storyCardsFor, storyVisibleTo } from './story-cards';
import { storyRoutes } from './story-routes';
import { summaryOf, termsOf, type StorySummary, type StoryTerms } from './story-terms';
import { unpublishByAdmin } from './unpublish-by-admin';
import { eraseStoriesData, exportStoriesData } from './user-data';

export type { AuctionSummary, AuctionSummaryState } from './auctions-link';
export type { AuctionsPort, FollowersPort, IdentityPort, MediaPort, SocialPort, StoriesPorts } from './deps';
export type { AuctionSearchFacts, SearchIndexPort } from './search-index';
export type { StoryEvent, StoryEventListener, StoryUnpublishedByAdmin, ReportResolved } from './story-events';
export type { StoryPublished, StoryPublishedListener } from './story-events';
export type { StorySummary, StoryTerms } from './story-terms';
export { storyCard, type StoryCard } from './schemas';
export type { ModerationReport, ReportFilter } from './moderate-reports';
export { STORY_CATEGORIES, type StoryCategory } from '@vw/domain';

/** The stories module's public face for other modules. */
export interface StoriesService {
  /** What a story sells on (offer policy, hidden reserve, buy-now), or null when there is no such story. */
  /** Read in the caller's transaction when given one (no lock is taken). */
  storyTerms(storyId: string, tx?: Executor): Promise<StoryTerms | null>;
  /**
   * The same, read inside the caller's transaction with the story row locked (key share) until it
   * ends: an auction or buy-now starting under this lock and a maker's terms edit never interleave.
   */
  lockStoryTerms(tx: Executor, storyId: string): Promise<StoryTerms | null>;
  /** Summaries of the stories that exist among `storyIds` (any status), keyed by id. */
  storiesByIds(storyIds: string[]): Promise<Map<string, StorySummary>>;
  /**
   * Admin take-down: archived, marked moderated, audited. Returns the event the maker should be
   * notified of (also given to `onEvent` listeners inside the transaction), or null when the story
   * was already taken down.
   */
  unpublishByAdmin(input: {
    adminId: string;
    storyId: string;
    reason?: string | null;
    /** How the audit log names the take-down (admin `unpublish` or `archive`; same effect). Default `unpublish`. */
    action?: 'unpublish' | 'archive';
  }): Promise<StoryUnpublishedByAdmin | null>;
  /** A maker's stories, any status (the maker dashboard). */
  storiesOfMaker(makerId: string): Promise<StorySummary[]>;
  /** The moderation queue, newest first. */
  listReports(filter: ReportFilter): Promise<{ items: ModerationReport[]; nextCursor: string | null }>;
  /** Closes an open report (audited; emits `report.resolved`). */
  resolveReport(input: {
    adminId: string;
    reportId: string;
    outcome: 'actioned' | 'dismissed';
    note?: string | null;
  }): Promise<ModerationReport>;
  /**
   * Records what a story's current auction means for search (live or not, high bid, end), inside the
   * auctions module's transaction that changed it.
   */
  auctionChanged(tx: Executor, facts: AuctionSearchFacts): Promise<void>;
  /** Registers a listener run inside the transaction of every story event (notifications' outbox). */
  onEvent(listener: StoryEventListener): void;
  /** True when the story exists and the caller may see it. */
  storyVisibleTo(storyId: string, caller: Caller | null): Promise<boolean>;
  /** Feed items of the given stories the caller may see, in the order given (a watchlist's page). */
  storyCards(storyIds: string[], caller: Caller | null): Promise<StoryCard[]>;
  /** Registers a listener run inside the transaction that publishes a story (the followers' fan-out). */
  onPublished(listener: StoryPublishedListener): void;
}

/** Stories, the feed, search, likes, view counts and reports. */
export function createStoriesModule(
  ctx: AppContext,
  ports: StoriesPorts,
): { module: AppModule; service: StoriesService } {
  const deps: StoriesDeps = {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    secrets: ctx.secrets,
    logger: ctx.logger.child({ module: 'stories' }),
    ...ports,
    events: new StoryEventHub(),
    cache: ctx.cache,
    searchIndex: postgresSearchIndex(ctx.db),
  };

  const service: StoriesService = {
    storyTerms: async (storyId, tx) => {
      const row = isUuid(storyId) ? await findStory(tx ?? deps.db, storyId) : undefined;
      return row ? termsOf(row) : null;
    },
    lockStoryTerms: async (tx, storyId) => {
      const row = isUuid(storyId) ? await lockStory(tx, storyId, 'key share') : undefined;
      return row ? termsOf(row) : null;
    },
    storiesByIds: async (storyIds) => {
      const rows = await findStoriesByIds(deps.db, [...new Set(storyIds.filter(isUuid))]);
      return new Map(rows.map((r) => [r.id, summaryOf(r)]));
    },
    unpublishByAdmin: async (input) => (await unpublishByAdmin(deps, input)).event,
    storiesOfMaker: async (makerId) => (isUuid(makerId) ? (await storiesOfMaker(deps.db, makerId)).map(summaryOf) : []),
    listReports: (filter) => listReports(deps, filter),
    resolveReport: (input) => resolveReport(deps, input),
    auctionChanged: (tx, facts) => deps.searchIndex.auctionChanged(tx, facts),
    onEvent: (listener) => deps.events.add(listener),
    storyVisibleTo: (storyId, caller) => storyVisibleTo(deps, storyId, caller),
    storyCards: (storyIds, caller) => storyCardsFor(deps, storyIds, caller),
    onPublished: (listener) => deps.events.addPublished(listener),
  };

  scheduleDemoSeed(deps);

  const module: AppModule = {
    name: 'stories',
    routes: (app) => {
      storyRoutes(app, deps);
      feedRoutes(app, deps);
      reportRoutes(app, deps);
      searchRoutes(app, deps);
    },
    tasks: demoSeedTasks(deps),
    exportUserData: (userId) => exportStoriesData(deps, userId),
    eraseUserData: (tx, userId) => eraseStoriesData(deps, tx, userId),
  };
  return { module, service };
}
