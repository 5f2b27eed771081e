/**
 * The stories module's business rules as pure functions: no database, no clock of their own.
 */
import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import { sameShipping, type ShippingPolicy } from '@vw/domain';
import type { ProcessStep, StoryStatus } from './tables';

export interface StoryTermsFields {
  minOfferMinor: number | null;
  currency: string | null;
  autoRejectBelowMin: boolean | null;
  reserveMinor: number | null;
  buyNowMinor: number | null;
  shipping: ShippingPolicy | null;
}

export interface StoryAccessFields {
  makerId: string;
  status: StoryStatus;
}

/** Drafts and archived stories exist only for their owner and admins. */
export function canSee(story: StoryAccessFields, caller: Caller | null): boolean {
  if (story.status === 'published') return true;
  if (!caller) return false;
  return caller.userId === story.makerId || caller.roles.includes('admin');
}

/**
 * Only the owner changes a story. Someone who cannot even see it learns nothing (404); someone who
 * can see it is told it is not theirs (403).
 */
export function assertOwner(story: StoryAccessFields, caller: Caller): void {
  if (story.makerId === caller.userId) return;
  if (!canSee(story, caller)) throw storyNotFound();
  throw new DomainError('not_story_owner', 'Only the maker of this story can change it');
}

export const storyNotFound = (): DomainError => new DomainError('story_not_found', 'No such story');

/** Money must add up: a reserve or buy-now needs an offer policy (its currency), buy-now at or above the rest. */
export function pricingProblem(t: StoryTermsFields): DomainError | null {
  if (t.minOfferMinor === null) {
    if (t.reserveMinor !== null || t.buyNowMinor !== null) {
      return new DomainError('offer_policy_required', 'Set an offer policy (minimum offer and currency) first');
    }
    return null;
  }
  if (t.buyNowMinor !== null && t.buyNowMinor < t.minOfferMinor) {
    return new DomainError('buy_now_below_minimum', 'The buy-now price cannot be below the minimum offer');
  }
  if (t.buyNowMinor !== null && t.reserveMinor !== null && t.buyNowMinor < t.reserveMinor) {
    return new DomainError('buy_now_below_reserve', 'The buy-now price cannot be below the reserve');
  }
  return null;
}

/** True when an edit would change what buyers are offered: the offer policy, reserve, buy-now or shipping. */
export function changesTerms(current: StoryTermsFields, next: StoryTermsFields): boolean {
  return (
    current.minOfferMinor !== next.minOfferMinor ||
    current.currency !== next.currency ||
    current.autoRejectBelowMin !== next.autoRejectBelowMin ||
    current.reserveMinor !== next.reserveMinor ||
    current.buyNowMinor !== next.buyNowMinor ||
    !sameShipping(current.shipping, next.shipping)
  );
}

export const auctionActive = (): DomainError =>
  new DomainError(
    'auction_active',
    'The story has an auction (or a buy-now) in progress; this cannot change until it is over',
  );

/** Why a story cannot go into the feed yet, or null when it can. */
export function publishRefusal(
  story: StoryTermsFields & { heroMediaId: string | null; moderatedAt: Date | null },
  heroReady: boolean,
): DomainError | null {
  if (story.moderatedAt) {
    return new DomainError('story_moderated', 'An admin took this story down; it cannot be published again');
  }
  if (!story.heroMediaId || !heroReady) {
    return new DomainError(
      'hero_video_not_ready',
      'Publishing needs a hero video of yours that has finished processing',
    );
  }
  if (story.minOfferMinor === null) {
    return new DomainError('offer_policy_required', 'Publishing needs an offer policy (minimum offer and currency)');
  }
  if (story.shipping === null) {
    return new DomainError(
      'shipping_required',
      'Publishing needs where the piece ships from and at least one shipping option',
    );
  }
  return pricingProblem(story);
}

/** The UTC calendar day of an instant, `YYYY-MM-DD` (views are counted once per viewer per day). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Every media id a story refers to (hero, gallery, process steps), without repeats. */
export function mediaIdsOf(row: {
  heroMediaId: string | null;
  galleryMediaIds: string[];
  processSteps: ProcessStep[];
}): string[] {
  const ids = [
    ...(row.heroMediaId ? [row.heroMediaId] : []),
    ...row.galleryMediaIds,
    ...row.processSteps.flatMap((s) => (s.mediaId ? [s.mediaId] : [])),
  ];
  return [...new Set(ids)];
}
