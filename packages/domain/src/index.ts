/** What the server and the web app both compute: money, the increment rule, categories, languages, live messages. */
export {
  COMMON_CURRENCIES,
  isMinorAmount,
  isSupportedCurrency,
  MAX_AMOUNT_MINOR,
  minorUnitExponent,
  SUPPORTED_CURRENCIES,
  wholeUnitMinor,
} from './currencies';
export { DEFAULT_LOCALE, formatMoney } from './money';
export { minNextBid, type IncrementRule } from './increment';
export { CATEGORY_LABELS, DEFAULT_CATEGORY, isStoryCategory, STORY_CATEGORIES, type StoryCategory } from './categories';
export {
  AUCTION_STATUSES,
  auctionChannel,
  auctionSummary,
  liveMessage,
  parseControlMessage,
  parseLiveMessage,
  realtimeData,
  storyChannel,
  userChannel,
  type AuctionSummary,
  type LiveMessage,
  type RealtimeControlMessage,
  type RealtimeData,
  type RealtimeMessageType,
  type ReceivedLiveMessage,
} from './realtime';
export { COUNTRY_CODES, countryOfLocale, isCountryCode } from './countries';
export { homeRegionTag, isLocale, LOCALES, localeOfTag, SOURCE_LOCALE, type Locale } from './locales';
export {
  MAX_DISPATCH_DAYS,
  MAX_SHIPPING_OPTIONS,
  sameShipping,
  shippingOptionFor,
  shippingPolicyProblem,
  type ShippingOption,
  type ShippingPolicy,
  type ShippingRegion,
} from './shipping';
