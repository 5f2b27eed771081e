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

/**
 * Runs inside the transaction that made the change, so a listener writing an outbox row (a
 * notification) commits or rolls back with it.
 */
export type StoryEventListener = (tx: Executor, event: StoryEvent) => Promise<void>;

export class StoryEventHub {
  private readonly listeners: StoryEventListener[] = [];

  add(listener: StoryEventListener): void {
    this.listeners.push(listener);
  }

  async emit(tx: Executor, event: StoryEvent): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }
}
