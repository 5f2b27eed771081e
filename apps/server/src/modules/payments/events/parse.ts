/**
 * The parts of Stripe's event objects this module reads (the local provider emits the same shapes).
 * Everything else in an event is kept as it came, minus personal fields.
 */
import { z } from 'zod';
import { DomainError } from '../../../platform/errors';

const metadata = z.record(z.string(), z.string()).nullish();
const address = z
  .object({
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    postal_code: z.string().nullish(),
    country: z.string().nullish(),
    state: z.string().nullish(),
  })
  .nullish();
const shippingDetails = z.object({ name: z.string().nullish(), address }).nullish();

export const envelopeSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type ProviderEvent = z.infer<typeof envelopeSchema>;

export const checkoutSessionSchema = z.object({
  id: z.string(),
  payment_intent: z.string().nullish(),
  payment_status: z.string().nullish(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  metadata,
  collected_information: z.object({ shipping_details: shippingDetails }).nullish(),
  shipping_details: shippingDetails,
});
export type CheckoutSessionObject = z.infer<typeof checkoutSessionSchema>;

export const paymentIntentSchema = z.object({
  id: z.string(),
  metadata,
  last_payment_error: z.object({ message: z.string().nullish(), code: z.string().nullish() }).nullish(),
});

export const chargeSchema = z.object({
  id: z.string(),
  payment_intent: z.string().nullish(),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
});

export const accountSchema = z.object({
  id: z.string(),
  payouts_enabled: z.boolean().nullish(),
  charges_enabled: z.boolean().nullish(),
  details_submitted: z.boolean().nullish(),
});

export const disputeSchema = z.object({
  id: z.string(),
  charge: z.string().nullish(),
  payment_intent: z.string().nullish(),
  reason: z.string().nullish(),
});

/** Parses the verified raw body; anything but a Stripe-shaped event is a 400. */
export function parseEvent(rawBody: Buffer): ProviderEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new DomainError('invalid_event', 'The event is not valid JSON');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('invalid_event', 'The body is not a provider event');
  return parsed.data;
}

/** The shipping address of a completed session (Stripe moved it under `collected_information`). */
export function shippingOf(session: CheckoutSessionObject) {
  const details = session.collected_information?.shipping_details ?? session.shipping_details ?? null;
  const a = details?.address;
  if (!details || !a?.line1 || !a.city || !a.country) return null;
  return {
    name: details.name ?? '',
    line1: a.line1,
    line2: a.line2 ?? null,
    city: a.city,
    postalCode: a.postal_code ?? '',
    country: a.country,
    state: a.state ?? null,
  };
}
