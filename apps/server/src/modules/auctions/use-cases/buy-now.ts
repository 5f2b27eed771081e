/** Buy now: before any auction, a viewer takes the piece at its price; the story is held while they pay. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withIdempotency } from '../../../platform/http/idempotency';
import type { AuctionsDeps, PaymentWindowView } from '../deps';
import { armWindowTimers } from '../effects/timers';
import { presentWindow } from '../present';
import { refusalError } from '../refusal-error';
import { appendStoryEvent } from '../repo/auction-repo';
import { updateMarket } from '../repo/market-repo';
import { buyerStanding, insertWindow, lockBuyer } from '../repo/payment-repo';
import { buyNow as buyNowRule } from '../rules';
import type { paymentWindowView } from '../schemas';
import { refuseIfMakerBlocked } from './maker-blocks';
import { destinationFor, rememberDestination } from './shipping';
import { lockStoryMarket } from './story-market';

type StoredWindow = z.infer<typeof paymentWindowView>;

export async function buyNow(
  deps: AuctionsDeps,
  request: { storyId: string; buyerId: string; shippingCountry?: string | undefined; idempotencyKey: string | null },
): Promise<{ status: number; body: StoredWindow }> {
  const answer = await withIdempotency<StoredWindow>(
    deps.db,
    {
      scope: `auctions.buy:${request.storyId}`,
      userId: request.buyerId,
      key: request.idempotencyKey,
      request: { shippingCountry: request.shippingCountry ?? null },
      successStatus: 201,
    },
    async (tx) => {
      // The buyer's lock first: their open windows are counted after any buy-now of theirs commits.
      await lockBuyer(tx, request.buyerId);
      const standing = await buyerStanding(tx, request.buyerId);
      const { terms, market } = await lockStoryMarket(deps, tx, request.storyId);
      await refuseIfMakerBlocked(deps, tx, terms.makerId, request.buyerId);
      const destination = await destinationFor(deps, tx, {
        userId: request.buyerId,
        named: request.shippingCountry,
        shipping: terms.shipping,
      });
      const now = deps.clock.now();
      const result = buyNowRule(
        market,
        { buyerId: request.buyerId, buyerStrikes: standing.strikes, buyerOpenWindows: standing.openWindows },
        now,
        deps.rules,
      );
      if (!result.ok) throw refusalError(result);
      const window: PaymentWindowView = {
        id: randomUUID(),
        auctionId: null,
        storyId: terms.id,
        makerId: terms.makerId,
        winnerId: request.buyerId,
        amountMinor: result.window.amountMinor,
        currency: result.window.currency,
        shippingCountry: destination.country,
        shippingMinor: destination.shippingMinor,
        reason: 'buy_now',
        status: 'open',
        opensAt: result.window.opensAt,
        expiresAt: result.window.expiresAt,
      };
      await insertWindow(tx, window);
      await rememberDestination(tx, {
        storyId: terms.id,
        userId: request.buyerId,
        country: destination.country,
        at: now,
      });
      await updateMarket(tx, terms.id, { reservedWindowId: window.id, reservedUntil: window.expiresAt });
      await armWindowTimers(tx, window);
      await appendStoryEvent(tx, {
        storyId: terms.id,
        type: 'buy_now_window_opened',
        at: now,
        data: {
          windowId: window.id,
          buyerId: request.buyerId,
          amountMinor: window.amountMinor,
          currency: window.currency,
          expiresAt: window.expiresAt.toISOString(),
        },
      });
      // The checkout URL is added on the way out (it may be created lazily by the payments module).
      return presentWindow(window, null);
    },
  );
  return { status: answer.status, body: answer.body };
}
