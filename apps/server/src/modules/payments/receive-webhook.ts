import type { PaymentsDeps } from './deps';
import { applyReceivedEvent, eventBodySealedFor } from './events/apply-event';
import { parseEvent } from './events/parse';
import { receivedBefore, statusOfEvent, storeEvent } from './repo/events';
import { redactPersonalData } from './rules';
import type { WebhookEventStatus } from './tables';
import { verifyWebhookSignature } from './webhook-signature';

export type WebhookOutcome = WebhookEventStatus | 'duplicate';

/**
 * The one path every provider event takes (Stripe's and the local provider's): verify the
 * signature on the raw body, store the event by its id (committed before anything else), then
 * apply it. A redelivery of an applied event changes nothing; one whose earlier attempt failed
 * is applied now. Storing first keeps duplicates from holding connections while the first
 * delivery applies.
 */
export async function receiveWebhook(
  deps: PaymentsDeps,
  rawBody: Buffer,
  signature: string | string[] | undefined,
): Promise<{ eventId: string; outcome: WebhookOutcome }> {
  verifyWebhookSignature(deps.provider.webhookSecret, rawBody, signature, deps.clock.now());
  const event = parseEvent(rawBody);
  const stored = await storeEvent(deps.db, {
    id: event.id,
    provider: deps.provider.name,
    type: event.type,
    payload: redactPersonalData(event) as Record<string, unknown>,
    sealedBody: deps.secrets.cipher.encrypt(rawBody.toString('utf8'), eventBodySealedFor(event.id)),
    createdAt: new Date(event.created * 1000),
    receivedAt: deps.clock.now(),
  });
  if (!stored && (await statusOfEvent(deps.db, event.id)) !== 'received')
    return { eventId: event.id, outcome: 'duplicate' };
  return { eventId: event.id, outcome: await applyReceivedEvent(deps, event.id) };
}

/** Safety net: applies events stored but not applied a while ago (a crash or error after storing). */
export async function applyPendingEvents(deps: PaymentsDeps): Promise<number> {
  const ids = await receivedBefore(deps.db, new Date(deps.clock.now().getTime() - 30_000), 100);
  for (const id of ids) await applyReceivedEvent(deps, id);
  return ids.length;
}
