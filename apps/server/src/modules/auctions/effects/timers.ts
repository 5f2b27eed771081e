/**
 * Durable timers: graphile-worker jobs enqueued in the transaction that sets the time, keyed so a
 * re-arm replaces the pending job (an extension moves the end's `run_at`). Every task re-reads the
 * auction under its row lock and is idempotent, so an early, late or repeated run is harmless.
 */
import type { Executor } from '../../../platform/db/client';
import { z } from 'zod';
import { cancelJob, declareTask, enqueue } from '../../../platform/jobs';
import type { PaymentWindowView } from '../deps';
import { addSeconds, type AuctionRulesConfig, type AuctionState } from '../rules';
import { endingSoonLeadSeconds, REMINDER_HOURS_BEFORE, reminderLeadSeconds } from '../timing';

const auctionPayload = z.object({ auctionId: z.string().min(1) });
const windowPayload = z.object({ windowId: z.string().min(1) });

/** The auctions module's jobs and their payloads. */
export const TASKS = {
  end: declareTask('auctions:end', auctionPayload, { formerNames: ['auctions.end'] }),
  endingSoon: declareTask('auctions:ending-soon', auctionPayload, { formerNames: ['auctions.ending-soon'] }),
  makerDecisionLapse: declareTask('auctions:maker-decision-lapse', auctionPayload, {
    formerNames: ['auctions.maker-decision-lapse'],
  }),
  paymentExpiry: declareTask('auctions:payment-expiry', windowPayload, { formerNames: ['auctions.payment-expiry'] }),
  paymentReminder: declareTask(
    'auctions:payment-reminder',
    windowPayload.extend({ hoursBefore: z.number().positive() }),
    { formerNames: ['auctions.payment-reminder'] },
  ),
  /** Publishes live messages of a transition committed in someone else's transaction. */
  publishLive: declareTask(
    'auctions:publish-live',
    z.object({
      messages: z.array(z.object({ channel: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
    }),
    { formerNames: ['auctions.publish-live'] },
  ),
};

export const jobKeys = {
  end: (auctionId: string) => `auction-end:${auctionId}`,
  endingSoon: (auctionId: string) => `auction-ending-soon:${auctionId}`,
  lapse: (auctionId: string) => `auction-lapse:${auctionId}`,
  paymentExpiry: (windowId: string) => `payment-expiry:${windowId}`,
  paymentReminder: (windowId: string, hoursBefore: number) => `payment-reminder:${windowId}:${hoursBefore}`,
};

/** Arms (or moves) the end and the "ending soon" notice of an active auction. */
export async function armEndTimers(
  tx: Executor,
  state: AuctionState,
  rules: AuctionRulesConfig,
  now: Date,
  endingSoonSent: boolean,
): Promise<void> {
  await enqueue(tx, TASKS.end, { auctionId: state.id }, { jobKey: jobKeys.end(state.id), runAt: state.endsAt });
  if (endingSoonSent) return;
  const soonAt = addSeconds(state.endsAt, -endingSoonLeadSeconds(rules.auctionDurationSeconds));
  // Already inside the last hour: the pending notice (if any) re-checks the moved end itself.
  if (soonAt.getTime() <= now.getTime()) return;
  await enqueue(tx, TASKS.endingSoon, { auctionId: state.id }, { jobKey: jobKeys.endingSoon(state.id), runAt: soonAt });
}

export async function armLapse(tx: Executor, auctionId: string, deadline: Date): Promise<void> {
  await enqueue(tx, TASKS.makerDecisionLapse, { auctionId }, { jobKey: jobKeys.lapse(auctionId), runAt: deadline });
}

/** The expiry of a payment window and its reminders (12 h, 6 h, 2 h before; scaled to short windows). */
export async function armWindowTimers(tx: Executor, window: PaymentWindowView): Promise<void> {
  const { id, expiresAt, opensAt } = window;
  await enqueue(tx, TASKS.paymentExpiry, { windowId: id }, { jobKey: jobKeys.paymentExpiry(id), runAt: expiresAt });
  const windowSeconds = (expiresAt.getTime() - opensAt.getTime()) / 1000;
  for (const hoursBefore of REMINDER_HOURS_BEFORE) {
    const runAt = addSeconds(expiresAt, -reminderLeadSeconds(hoursBefore, windowSeconds));
    await enqueue(
      tx,
      TASKS.paymentReminder,
      { windowId: id, hoursBefore },
      { jobKey: jobKeys.paymentReminder(id, hoursBefore), runAt },
    );
  }
}

export async function cancelWindowTimers(tx: Executor, windowId: string): Promise<void> {
  await cancelJob(tx, jobKeys.paymentExpiry(windowId));
  for (const hoursBefore of REMINDER_HOURS_BEFORE) await cancelJob(tx, jobKeys.paymentReminder(windowId, hoursBefore));
}

export async function cancelAuctionTimers(tx: Executor, auctionId: string): Promise<void> {
  await cancelJob(tx, jobKeys.end(auctionId));
  await cancelJob(tx, jobKeys.endingSoon(auctionId));
  await cancelJob(tx, jobKeys.lapse(auctionId));
}
