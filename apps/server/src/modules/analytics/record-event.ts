import type { Clock } from '../../platform/clock';
import type { Executor } from '../../platform/db/client';
import { insertEvents } from './event-repo';
import type { ServerEventType } from './tables';

/** A commercial event another module records inside the transaction of the change itself. */
export interface ServerEvent {
  type: ServerEventType;
  storyId: string;
  makerId: string;
  /** Who made the offer or bid, or paid. */
  userId: string | null;
  auctionId?: string | null;
  amountMinor: number;
  currency: string;
}

/**
 * Appends a server event in the caller's transaction: it exists if and only if the offer, bid or
 * payment it describes commits.
 */
export async function recordServerEvent(tx: Executor, clock: Clock, event: ServerEvent): Promise<void> {
  await insertEvents(tx, [
    {
      type: event.type,
      source: 'server',
      occurredAt: clock.now(),
      userId: event.userId,
      storyId: event.storyId,
      makerId: event.makerId,
      auctionId: event.auctionId ?? null,
      amountMinor: event.amountMinor,
      currency: event.currency,
    },
  ]);
}
