import type { Executor } from '../../platform/db/client';

/** An admin took a published story down; the maker is to be told (notifications module). */
export interface StoryUnpublishedByAdmin {
  type: 'story.unpublished_by_admin';
  storyId: string;
  makerId: string;
  title: string;
  adminId: string;
  reason: string | null;
  /** An auction or buy-now was under way: the auctions module (or an admin) must settle it. */
  auctionActive: boolean;
  at: string;
}

/** An admin closed a report; the reporter may be told the outcome. */
export interface ReportResolved {
  type: 'report.resolved';
  reportId: string;
  reporterId: string | null;
  targetType: 'story' | 'user';
  targetId: string;
  outcome: 'actioned' | 'dismissed';
  adminId: string;
  at: string;
}

export type StoryEvent = StoryUnpublishedByAdmin | ReportResolved;

/** A maker put a story into the feed (first publication or again after a withdrawal). */
export interface StoryPublished {
  storyId: string;
  makerId: string;
  title: string;
  at: string;
}

/** Runs inside the publishing transaction, so what it enqueues exists only if the story went live. */
export type StoryPublishedListener = (tx: Executor, published: StoryPublished) => Promise<void>;

/**
 * Runs inside the transaction that made the change, so a listener writing an outbox row (a
 * notification) commits or rolls back with it.
 */
export type StoryEventListener = (tx: Executor, event: StoryEvent) => Promise<void>;

export class StoryEventHub {
  private readonly listeners: StoryEventListener[] = [];
  private readonly publishedListeners: StoryPublishedListener[] = [];

  add(listener: StoryEventListener): void {
    this.listeners.push(listener);
  }

  async emit(tx: Executor, event: StoryEvent): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }

  addPublished(listener: StoryPublishedListener): void {
    this.publishedListeners.push(listener);
  }

  async emitPublished(tx: Executor, published: StoryPublished): Promise<void> {
    for (const listener of this.publishedListeners) await listener(tx, published);
  }
}
