/**
 * Auction rules as pure functions: state + input + now + config in, a new state and the
 * events for the append-only log out — or a typed refusal. No I/O, no clock, no mutation.
 */
export {
  isMinorAmount,
  isSupportedCurrency,
  MAX_AMOUNT_MINOR,
  minNextBid,
  minorUnitExponent,
  wholeUnitMinor,
  type IncrementRule,
} from '@vw/domain';
export {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  incrementRuleOf,
  isBlockedForNonPayment,
  isReserveMet,
  maximumOf,
  nextBidMinimum,
  publicView,
  visibleBids,
  type AuctionBid,
  type AuctionRulesConfig,
  type AuctionState,
  type AuctionStatus,
  type BidKind,
  type ProxyMaximum,
  type PublicAuctionView,
  type VoidReason,
  type WinnerSource,
} from './auction-state';
export { refuse, type Refusal, type RefusalCode } from './refusals';
export {
  unchanged,
  type AuctionEvent,
  type AuctionEventType,
  type AuctionRuleResult,
  type AuctionTransition,
  type EndOutcome,
  type PaymentWindowReason,
} from './auction-events';
export { placeBid, type PlaceBidInput } from './place-bid';
export { openAuction, type OfferPolicy, type OpenAuctionInput, type StoryTerms } from './open-auction';
export {
  acceptOffer,
  declineOffer,
  submitOffer,
  withdrawOffer,
  type Offer,
  type OfferOutcome,
  type OfferResult,
  type OfferStatus,
  type StoryMarket,
  type SubmitOfferInput,
} from './offers';
export { buyNow, type BuyNowWindow } from './buy-now';
export { acceptLeadingBid, endAuction, lapse } from './end-auction';
export { cancelAuction, expirePayment, markPaid, secondChance } from './payment-window';
export { recomputeBook, voidBid } from './void-bid';
