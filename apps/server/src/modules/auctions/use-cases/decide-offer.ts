/** The maker's decision on a held offer (accept opens the auction; decline closes it), and withdrawal by its maker. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import { notice } from '../../notifications';
import { auctionMessages } from '../messages';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { presentOffer } from '../present';
import { refusalError } from '../refusal-error';
import { loadAuction } from '../repo/auction-repo';
import { findOffer, lockMarket, saveOffer } from '../repo/market-repo';
import {
  acceptOffer as acceptOfferRule,
  declineOffer as declineOfferRule,
  withdrawOffer as withdrawOfferRule,
  type Offer,
} from '../rules';
import type { offerAnswer, offerView } from '../schemas';
import { auctionAnswer } from './read-auction';
import { recordOfferOutcome } from './record-offer-outcome';
import { lockStoryMarket, lockedStoryTerms } from './story-market';

async function offerOrThrow(tx: Executor, offerId: string): Promise<Offer> {
  const offer = await findOffer(tx, offerId);
  if (offer === null) throw new DomainError('offer_not_found', 'No such offer');
  return offer;
}

/** The maker (with TOTP on) accepts a held offer: it opens the auction as its opening bid. */
export async function acceptOffer(
  deps: AuctionsDeps,
  input: { offerId: string; callerId: string },
): Promise<z.infer<typeof offerAnswer>> {
  return deps.db.transaction(async (tx) => {
    const found = await offerOrThrow(tx, input.offerId);
    const { terms, market } = await lockStoryMarket(deps, tx, found.storyId);
    if (terms.makerId !== input.callerId) throw new DomainError('not_story_maker', 'Only the maker can accept offers');
    // Accepting opens the auction and commits the maker to sell, as accepting a bid does: both need
    // two-factor authentication.
    if (!(await deps.identity.hasTotp(input.callerId))) {
      throw new DomainError('totp_required', 'Turn on two-factor authentication before accepting a buyer');
    }
    // Re-read under the market lock: the offer may have been withdrawn meanwhile.
    const offer = await offerOrThrow(tx, input.offerId);
    const now = deps.clock.now();
    const result = acceptOfferRule(
      { ...market, offers: [...market.offers.filter((o) => o.id !== offer.id), offer] },
      { offerId: offer.id, auctionId: randomUUID() },
      now,
      deps.rules,
    );
    if (!result.ok) throw refusalError(result);
    if (result.events.length === 0 && result.auction !== null) {
      // Accepting again: the auction it opened is the answer.
      return {
        offer: presentOffer(result.offer),
        auction: await currentAnswer(deps, tx, result.auction.id, input.callerId),
      };
    }
    const recorded = await recordOfferOutcome(deps, tx, result, { isNew: false, storyTitle: terms.title, now });
    publishLiveAfterCommit(deps, tx, recorded.live);
    return {
      offer: presentOffer(result.offer),
      auction:
        recorded.auction === null
          ? null
          : await auctionAnswer(deps, tx, recorded.auction.state, recorded.auction.row, input.callerId),
    };
  });
}

async function currentAnswer(deps: AuctionsDeps, tx: Executor, auctionId: string, callerId: string) {
  const loaded = await loadAuction(tx, auctionId, { lock: false, bids: 'none' });
  return loaded === null ? null : auctionAnswer(deps, tx, loaded.state, loaded.row, callerId);
}

/** The maker declines a held offer; the offerer hears about it. */
export async function declineOffer(
  deps: AuctionsDeps,
  input: { offerId: string; callerId: string },
): Promise<z.infer<typeof offerView>> {
  return deps.db.transaction(async (tx) => {
    const found = await offerOrThrow(tx, input.offerId);
    const terms = await lockedStoryTerms(deps, tx, found.storyId);
    if (terms.makerId !== input.callerId) throw new DomainError('not_story_maker', 'Only the maker can decline offers');
    await lockMarket(tx, found.storyId);
    const offer = await offerOrThrow(tx, input.offerId);
    const result = declineOfferRule(offer, deps.clock.now());
    if (!result.ok) throw refusalError(result);
    if (result.offer !== offer) {
      await saveOffer(tx, result.offer);
      await deps.notifications.notify(tx, {
        userId: offer.userId,
        kind: 'offer_declined',
        message: notice(auctionMessages, 'offerDeclined', { title: terms.title }),
        link: `/stories/${offer.storyId}`,
        data: { storyId: offer.storyId, offerId: offer.id },
        dedupeKey: `offer_declined:${offer.id}`,
      });
    }
    return presentOffer(result.offer);
  });
}

/** The offerer withdraws their held offer (not once it has opened an auction). */
export async function withdrawOffer(
  deps: AuctionsDeps,
  input: { offerId: string; callerId: string },
): Promise<z.infer<typeof offerView>> {
  return deps.db.transaction(async (tx) => {
    const found = await offerOrThrow(tx, input.offerId);
    await lockedStoryTerms(deps, tx, found.storyId);
    await lockMarket(tx, found.storyId);
    const offer = await offerOrThrow(tx, input.offerId);
    const result = withdrawOfferRule(offer, input.callerId, deps.clock.now());
    if (!result.ok) throw refusalError(result);
    if (result.offer !== offer) await saveOffer(tx, result.offer);
    return presentOffer(result.offer);
  });
}
