/**
 * Applies one stored provider event inside its transaction. Every handler is idempotent and
 * commutative with the others: an event whose prerequisite has not arrived yet (a refund before
 * its payment) is deferred and re-applied when the prerequisite is applied.
 */
import type { PersonalDataCipher, SealedFor } from '../../../platform/crypto/envelope';
import { afterCommit } from '../../../platform/db/unit-of-work';
import { publishAfterCommit, type PaymentsDeps } from '../deps';
import { claimReceivedEvent, eventsWaitingFor, recordEventOutcome, statusOfEvent } from '../repo/events';
import type { WebhookEventRow, WebhookEventStatus } from '../tables';
import { applyAccountUpdated } from './account-updated';
import { applyChargeRefunded, applyDisputeCreated } from './charge-events';
import { applyCheckoutCompleted, applyCheckoutExpired, applyPaymentFailed } from './checkout-events';
import { envelopeSchema, type ProviderEvent } from './parse';
import { ignored, type ApplyContext, type ApplyResult } from './result';

function dispatch(ctx: ApplyContext, event: ProviderEvent): Promise<ApplyResult> {
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return applyCheckoutCompleted(ctx, object);
    case 'checkout.session.expired':
      return applyCheckoutExpired(ctx, object);
    case 'payment_intent.payment_failed':
      return applyPaymentFailed(ctx, object);
    case 'charge.refunded':
      return applyChargeRefunded(ctx, object);
    case 'charge.dispute.created':
      return applyDisputeCreated(ctx, object);
    case 'account.updated':
      return applyAccountUpdated(ctx, object, new Date(event.created * 1000));
    default:
      return Promise.resolve(ignored('not an event this server acts on'));
  }
}

/** The associated data of an event's sealed body: bound to the event's row. */
export function eventBodySealedFor(eventId: string): SealedFor {
  return { purpose: 'payments.webhook_events.sealed_body', rowId: eventId };
}

/** The complete event: the sealed copy while it is kept, else the stored (redacted) payload. */
function eventOf(row: WebhookEventRow, cipher: PersonalDataCipher): ProviderEvent | null {
  const raw: unknown = row.sealedBody
    ? JSON.parse(cipher.decrypt(row.sealedBody, eventBodySealedFor(row.id)))
    : row.payload;
  const parsed = envelopeSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

async function applyAndRecord(ctx: ApplyContext, event: ProviderEvent): Promise<ApplyResult> {
  const result = await dispatch(ctx, event);
  await recordEventOutcome(ctx.tx, event.id, {
    status: result.status,
    waitingFor: result.waitingFor ?? null,
    note: result.note ?? null,
    appliedAt: result.status === 'deferred' ? null : ctx.now,
  });
  if (result.status === 'applied') ctx.applied.push({ type: event.type, createdAt: new Date(event.created * 1000) });
  return result;
}

/**
 * Applies a stored, not yet applied event in one transaction (exactly once: the row is claimed
 * under a lock, and only a `received` row can be claimed), then whatever waited for what it
 * brought. After commit: live messages, other modules' updates, the lag metric.
 */
export async function applyReceivedEvent(
  deps: PaymentsDeps,
  eventId: string,
): Promise<WebhookEventStatus | 'duplicate'> {
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await claimReceivedEvent(tx, eventId);
    if (!row) return null;
    const event = eventOf(row, deps.secrets.cipher);
    const ctx: ApplyContext = {
      deps,
      tx,
      now: deps.clock.now(),
      publish: (...messages) => publishAfterCommit(deps, tx, messages),
      applied: [],
      reapplyWaiting: async (subject) => {
        for (const waiting of await eventsWaitingFor(tx, subject)) {
          const parsed = eventOf(waiting, deps.secrets.cipher);
          if (parsed) await applyAndRecord(ctx, parsed);
        }
      },
    };
    if (!event) {
      await recordEventOutcome(tx, eventId, {
        status: 'ignored',
        waitingFor: null,
        note: 'unreadable',
        appliedAt: ctx.now,
      });
      return { status: 'ignored' as const };
    }
    const result = await applyAndRecord(ctx, event);
    afterCommit(tx, () => {
      const now = deps.clock.now().getTime();
      for (const a of ctx.applied) deps.observeWebhookLag(a.type, Math.max(0, (now - a.createdAt.getTime()) / 1000));
    });
    return { status: result.status };
  });
  if (!outcome) return (await statusOfEvent(deps.db, eventId)) === 'received' ? 'received' : 'duplicate';
  return outcome.status;
}
