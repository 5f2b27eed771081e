import type { PaymentsDeps } from './deps';
import { findPaymentByWindow } from './repo/money';
import { findSessionByWindow, setSessionStatus } from './repo/sessions';

/** Thrown so the job is retried: the window's own expiry has not been processed yet. */
class WindowStillOpen extends Error {}

/**
 * Runs when a window ends: a session that was not paid is closed at the provider, so nobody pays
 * for a window that is over. (A payment racing this is still caught: it is refunded on arrival.)
 */
export async function expireCheckout(deps: PaymentsDeps, windowId: string): Promise<void> {
  const row = await findSessionByWindow(deps.db, windowId);
  if (!row || row.status === 'completed' || row.status === 'expired') return;
  if (await findPaymentByWindow(deps.db, windowId)) return;
  const window = await deps.auctions.paymentWindow(windowId);
  if (window?.status === 'paid') return;
  if (window?.status === 'open' && window.expiresAt.getTime() > deps.clock.now().getTime() - 60_000) {
    throw new WindowStillOpen(`window ${windowId} is still open; retrying`);
  }
  if (row.providerSessionId) await deps.provider.expireCheckoutSession(row.providerSessionId);
  await setSessionStatus(deps.db, windowId, 'expired', deps.clock.now());
}
