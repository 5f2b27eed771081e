/** Writes what an offer rule decided: the offer, the offers it superseded, and the auction it opened. */
import type { Executor } from '../../../platform/db/client';
import type { AuctionsDeps } from '../deps';
import { applyEffects } from '../effects/apply-effects';
import type { LiveMessage } from '../effects/live';
import { money } from '../../../platform/i18n';
import { notice } from '../../notifications';
import { auctionMessages } from '../messages';
import { insertAuction } from '../repo/auction-repo';
import { insertOffer, saveOffer } from '../repo/market-repo';
import type { AuctionState, OfferOutcome } from '../rules';
import type { AuctionRow } from '../tables';

export interface RecordedOffer {
  auction: { state: AuctionState; row: AuctionRow } | null;
  live: LiveMessage[];
}

export async function recordOfferOutcome(
  deps: AuctionsDeps,
  tx: Executor,
  outcome: OfferOutcome,
  options: { isNew: boolean; storyTitle: string; now: Date },
): Promise<RecordedOffer> {
  if (options.isNew) await insertOffer(tx, outcome.offer);
  else await saveOffer(tx, outcome.offer);
  for (const other of outcome.superseded) {
    await saveOffer(tx, other);
    await deps.notifications.notify(tx, {
      userId: other.userId,
      kind: 'auction_started',
      message: notice(auctionMessages, 'offerSuperseded', { title: options.storyTitle }),
      link: `/stories/${other.storyId}`,
      data: { storyId: other.storyId, auctionId: outcome.auction?.id ?? null, offerId: other.id },
      dedupeKey: `offer_superseded:${other.id}`,
    });
  }
  if (outcome.auction === null) return { auction: null, live: [] };
  const row = await insertAuction(tx, outcome.auction, outcome.events);
  const effects = await applyEffects(deps, tx, {
    after: outcome.auction,
    row,
    events: outcome.events,
    now: options.now,
  });
  return { auction: { state: outcome.auction, row }, live: effects.live };
}

/** Tells the maker about an offer waiting for their decision. */
export async function noticeOfferReceived(
  deps: AuctionsDeps,
  tx: Executor,
  offer: OfferOutcome['offer'],
  makerId: string,
  storyTitle: string,
): Promise<void> {
  await deps.notifications.notify(tx, {
    userId: makerId,
    kind: 'offer_received',
    message: notice(auctionMessages, 'offerReceived', {
      amount: money(offer.amountMinor, offer.currency),
      title: storyTitle,
    }),
    link: `/stories/${offer.storyId}`,
    data: { storyId: offer.storyId, offerId: offer.id },
    dedupeKey: `offer_received:${offer.id}`,
  });
}
