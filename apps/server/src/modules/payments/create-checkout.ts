import { DomainError } from '../../platform/errors';
import { z } from 'zod';
import { declareTask, enqueue } from '../../platform/jobs';
import type { PaymentsDeps, PaymentWindow } from './deps';
import { claimSession, findAccount, findSessionByWindow, recordProviderSession } from './repo/sessions';
import { platformFee, sessionExpiry } from './rules';
import type { ChargeMode, CheckoutSessionRow } from './tables';

export const EXPIRE_CHECKOUT_TASK = declareTask('payments:expire-checkout', z.object({ windowId: z.string().min(1) }));
export const expireCheckoutJobKey = (windowId: string): string => `payments:expire-checkout:${windowId}`;

export interface Checkout {
  checkoutUrl: string;
  sessionId: string;
}

/** Destination charge when the maker can receive money now; otherwise the platform holds it until completion. */
async function chooseChargeMode(
  deps: PaymentsDeps,
  makerId: string,
): Promise<{ mode: ChargeMode; destination: string | null }> {
  if (deps.provider.name === 'local') return { mode: 'local', destination: null };
  const account = await findAccount(deps.db, makerId);
  if (account?.payoutsEnabled && account.chargesEnabled && (await deps.identity.hasTotp(makerId))) {
    return { mode: 'destination', destination: account.accountId };
  }
  return { mode: 'separate', destination: null };
}

/** Claims the window's session row with every provider parameter fixed, once per window. */
async function claim(deps: PaymentsDeps, window: PaymentWindow): Promise<CheckoutSessionRow> {
  const now = deps.clock.now();
  const title = (await deps.stories.storyTitle(window.storyId)) ?? 'A handmade piece';
  const charge = await chooseChargeMode(deps, window.makerId);
  const expiry = sessionExpiry(window.expiresAt, now, deps.provider.minimumSessionSeconds);
  if (expiry.clamped !== 'no') {
    deps.logger.info(
      { windowId: window.id, clamped: expiry.clamped },
      'checkout session expiry differs from the window',
    );
  }
  await deps.db.transaction(async (tx) => {
    const claimed = await claimSession(tx, {
      windowId: window.id,
      provider: deps.provider.name,
      storyId: window.storyId,
      auctionId: window.auctionId,
      buyerId: window.winnerId,
      makerId: window.makerId,
      itemTitle: title.slice(0, 250),
      amountMinor: window.amountMinor,
      currency: window.currency,
      shippingMinor: window.shippingMinor,
      shippingCountry: window.shippingCountry,
      // The fee is on the piece's price: shipping is the maker's cost, passed on whole.
      feeMinor: platformFee(window.amountMinor, deps.config.PLATFORM_FEE_PERCENT),
      chargeMode: charge.mode,
      destinationAccountId: charge.destination,
      windowExpiresAt: window.expiresAt,
      sessionExpiresAt: expiry.expiresAt,
      status: 'creating',
      createdAt: now,
      updatedAt: now,
    });
    // When the window ends, the session is closed at the provider unless it was paid.
    if (claimed) {
      await enqueue(
        tx,
        EXPIRE_CHECKOUT_TASK,
        { windowId: window.id },
        { jobKey: expireCheckoutJobKey(window.id), runAt: window.expiresAt, maxAttempts: 10 },
      );
    }
  });
  return (await findSessionByWindow(deps.db, window.id))!;
}

/**
 * The hosted checkout of a payment window: one session per window, whoever asks and however
 * often. Concurrent first calls send the provider the same request under the same idempotency
 * key (the window id) and so receive the same session.
 */
export async function checkoutFor(deps: PaymentsDeps, window: PaymentWindow): Promise<Checkout> {
  if (window.status !== 'open') throw new DomainError('payment_window_closed', 'This payment window is closed');
  const row = (await findSessionByWindow(deps.db, window.id)) ?? (await claim(deps, window));
  if (row.providerSessionId && row.url) return { checkoutUrl: row.url, sessionId: row.providerSessionId };

  const buyerEmail = (await deps.identity.contactOf(row.buyerId))?.email ?? null;
  const appPage = new URL(`/payments/${row.windowId}`, deps.publicUrl).toString();
  const created = await deps.provider.createCheckoutSession({
    windowId: row.windowId,
    itemTitle: row.itemTitle,
    amountMinor: row.amountMinor,
    currency: row.currency,
    shippingMinor: row.shippingMinor,
    shippingCountry: row.shippingCountry,
    feeMinor: row.feeMinor,
    destinationAccountId: row.destinationAccountId,
    expiresAt: row.sessionExpiresAt,
    buyerEmail,
    successUrl: `${appPage}?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: appPage,
    idempotencyKey: `checkout:${row.windowId}`,
  });
  await recordProviderSession(deps.db, row.windowId, created, deps.clock.now());
  const recorded = (await findSessionByWindow(deps.db, row.windowId))!;
  return { checkoutUrl: recorded.url!, sessionId: recorded.providerSessionId! };
}
