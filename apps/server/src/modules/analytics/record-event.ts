import type { Clock } from '../../platform/clock';
import type { Executor } from '../../platform/db/client';
import { deferWrite } from '../../platform/db/unit-of-work';
import { events, type ServerEventType } from './tables';

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
 * payment it describes commits. A deferred write: sent with the transaction's other deferred
 * writes just before it commits.
 */
export async function recordServerEvent(tx: Executor, clock: Clock, event: ServerEvent): Promise<void> {
  await deferWrite(
    tx,
    tx.insert(events).values({
      type: event.type,
      source: 'server',
      occurredAt: clock.now(),
      userId: event.userId,
      storyId: event.storyId,
      makerId: event.makerId,
      auctionId: event.auctionId ?? null,
      amountMinor: event.amountMinor,
      currency: event.currency,
    }),
  );
}
