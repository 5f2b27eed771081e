import { DomainError } from '../../platform/errors';
import type { PaymentsDeps } from './deps';
import { accountUpdatedEvent, deliverLocalEvent } from './local/local-events';
import { findAccount, insertAccount } from './repo/sessions';

export interface PayoutAccountView {
  accountId: string;
  provider: 'stripe' | 'local';
  payoutsEnabled: boolean;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
}

export async function payoutAccountOf(deps: PaymentsDeps, makerId: string): Promise<PayoutAccountView | null> {
  const row = await findAccount(deps.db, makerId);
  if (!row) return null;
  const { accountId, provider, payoutsEnabled, chargesEnabled, detailsSubmitted } = row;
  return { accountId, provider, payoutsEnabled, chargesEnabled, detailsSubmitted };
}

/**
 * Starts (or resumes) a maker's payout onboarding: creates their Connect Express account once
 * (idempotency key per maker) and returns a fresh onboarding link. Payouts need TOTP. With the
 * local provider the account is ready at once, announced by an `account.updated` event through
 * the webhook path as Stripe would.
 */
export async function startOnboarding(
  deps: PaymentsDeps,
  makerId: string,
): Promise<{ url: string; account: PayoutAccountView }> {
  if (!(await deps.identity.hasTotp(makerId))) {
    throw new DomainError('totp_required', 'Turn on two-step sign-in (TOTP) before setting up payouts');
  }
  if (!(await findAccount(deps.db, makerId))) {
    const email = (await deps.identity.contactOf(makerId))?.email ?? null;
    const created = await deps.provider.createConnectedAccount({
      makerId,
      email,
      idempotencyKey: `account:${makerId}`,
    });
    const now = deps.clock.now();
    await insertAccount(deps.db, {
      makerId,
      provider: deps.provider.name,
      accountId: created.accountId,
      createdAt: now,
      updatedAt: now,
    });
  }
  const account = (await payoutAccountOf(deps, makerId))!;
  // Stripe needs absolute URLs; the local provider hands back a link inside the app.
  const payouts =
    deps.provider.name === 'local'
      ? deps.appLink('/studio/payouts')
      : new URL('/studio/payouts', deps.publicUrl).toString();
  const link = await deps.provider.onboardingLink({
    accountId: account.accountId,
    returnUrl: payouts,
    refreshUrl: `${payouts}?refresh=1`,
  });
  if (deps.provider.name === 'local' && !account.payoutsEnabled) {
    await deliverLocalEvent(deps, accountUpdatedEvent(account.accountId, deps.clock.now()));
    return { url: link.url, account: (await payoutAccountOf(deps, makerId))! };
  }
  return { url: link.url, account };
}
