/**
 * What the API's error codes say to people, in the viewer's language: one sentence per stable code
 * of the server (the `ErrorCode` union of the generated client), saying what happened and, where it
 * can, what to do next. Where the server's details carry what a person needs (the lowest bid that
 * would count, a limit, a country), the sentence names it, formatted for the viewer's locale.
 * A new code on the server does not compile until it has a text here.
 */
import type { MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import type { Schemas } from '@vw/api-client';
import { formatTag, i18n } from '../i18n/i18n';
import { formatMoney } from '../money';

export type ErrorCode = Schemas['ErrorCode'];

const RELOAD = msg`Something went wrong. Please reload the page and try again.`;
const OUR_SIDE = msg`Something went wrong on our side. Please try again later.`;
const BRIEFLY_UNAVAILABLE = msg`The service is briefly unavailable. Please try again in a moment.`;
const SIGN_IN_AGAIN = msg`Your session has ended. Please sign in again.`;
const PLAYBACK_UNAVAILABLE = msg`This video can’t be played right now. Please reload the page and try again.`;
const UPLOAD_DID_NOT_START = msg`The upload could not start. Please try again.`;
const PUSH_UNAVAILABLE = msg`Notifications can’t be turned on in this browser. Please try another browser.`;
const FILE_NOT_FOUND = msg`This file could not be found.`;
const ONLY_THE_MAKER = msg`Only the maker of this story can do this.`;
const CAPTION_TIMES = msg`A caption’s times are not written correctly. Write them like 00:00:01.000 --> 00:00:02.000.`;
const GENERIC = msg`Something went wrong. Please try again.`;

/** Every code's sentence, used as it is when the details carry nothing more to say. */
export const ERROR_MESSAGES: Record<ErrorCode, MessageDescriptor> = {
  account_suspended: msg`This account has been suspended.`,
  already_leading: msg`You’re already the highest bidder. To bid more, raise your maximum bid.`,
  already_replied: msg`You have already replied to this review.`,
  already_reviewed: msg`You have already reviewed this order.`,
  auction_active: msg`This can’t change while the story’s auction or a purchase is in progress. Try again once it’s over.`,
  auction_already_started: msg`An auction has started on this story. Place a bid instead.`,
  auction_closed: msg`This auction has moved on, so this is no longer possible. Reload the page to see where it stands.`,
  auction_ended: msg`This auction has ended.`,
  auction_not_active: msg`This auction isn’t taking bids.`,
  auction_not_found: msg`This auction could not be found.`,
  auction_not_over: msg`This auction hasn’t ended yet.`,
  auction_not_started: msg`This auction hasn’t started yet.`,
  authentication_required: msg`Please sign in to do this.`,
  avatar_media_not_found: msg`That picture isn’t ready. Please wait a moment or upload it again.`,
  avatar_must_be_image: msg`Your profile picture must be an image.`,
  bad_request: RELOAD,
  bad_url: RELOAD,
  bid_above_new_buyer_cap: msg`Until your first purchase is paid, there is a limit on how much you can bid or offer here.`,
  bid_id_conflict: RELOAD,
  bid_not_found: msg`This bid could not be found.`,
  bid_not_voidable: msg`This automatic bid can’t be voided. Void the bid that triggered it instead.`,
  bid_too_low: msg`Your bid is below the minimum next bid. Someone may have bid first: check the new minimum and try again.`,
  bidder_blocked: msg`You can’t bid, make offers or buy for now, because earlier purchases were not paid.`,
  blocked_by_maker: msg`This maker has blocked you, so you can’t make offers, bid or buy on their stories.`,
  blocked_by_user: msg`This person has blocked you, so you can’t send them messages.`,
  buy_now_below_minimum: msg`The buy-now price can’t be lower than the minimum offer.`,
  buy_now_below_reserve: msg`The buy-now price can’t be lower than the reserve price.`,
  buy_now_unavailable: msg`This piece can’t be bought right away.`,
  cannot_block_self: msg`You can’t block yourself.`,
  cannot_message_self: msg`This is your own story, so there’s no one to message about it.`,
  cannot_follow_self: msg`You can’t follow yourself.`,
  cannot_report_self: msg`You can’t report yourself or what you have posted.`,
  captions_bad_character: msg`The captions file contains characters that can’t be read. Save it as plain text and try again.`,
  captions_bad_timing: CAPTION_TIMES,
  captions_beyond_end: msg`A caption ends after the video does. Move it earlier or shorten it.`,
  captions_cue_too_long: msg`A caption is too long. Split it into shorter captions.`,
  captions_empty_cue: msg`A caption has no text. Add its text or remove it.`,
  captions_end_before_start: msg`A caption ends before it starts. Check its times.`,
  captions_invalid_rendition: msg`These captions could not be added to the video. Please try again.`,
  captions_missing_header: msg`This isn’t a WebVTT captions file: its first line must be WEBVTT.`,
  captions_out_of_order: msg`A caption starts before the one before it. Put the captions in order.`,
  captions_too_large: msg`The captions file is too large.`,
  captions_too_many_cues: msg`There are too many captions in this file.`,
  cdn_not_configured: PLAYBACK_UNAVAILABLE,
  checkout_closed: msg`The time to pay for this piece has run out.`,
  checkout_not_found: msg`This payment could not be found.`,
  client_id_required: RELOAD,
  conversation_not_found: msg`This conversation could not be found.`,
  conversation_not_reported: msg`Only conversations with a reported message can be opened here.`,
  currency_mismatch: msg`Offers on this story are made in another currency.`,
  decision_window_closed: msg`The time to accept the highest bid has passed.`,
  decision_window_open: msg`The maker can still accept the highest bid. Please wait until their time is up.`,
  forbidden: msg`You don’t have permission to do this.`,
  hero_must_be_video: msg`A story’s main video must be a video file.`,
  hero_video_not_ready: msg`The story’s video is still being processed. Publish it once the video is ready.`,
  hls_master_invalid: PLAYBACK_UNAVAILABLE,
  idempotency_conflict: msg`This is still being processed. Please try again in a moment.`,
  idempotency_key_reused: RELOAD,
  internal_error: OUR_SIDE,
  invalid_amount: msg`Enter an amount greater than zero.`,
  invalid_code: msg`That code isn’t valid. Check it, or ask for a new one.`,
  invalid_content_length: RELOAD,
  invalid_content_type: RELOAD,
  invalid_cursor: msg`The list could not be loaded any further. Please reload the page.`,
  invalid_event: GENERIC,
  invalid_id_token: msg`Signing in with this account didn’t work. Please try again.`,
  invalid_idempotency_key: RELOAD,
  invalid_json: RELOAD,
  invalid_mfa_token: msg`This sign-in step has expired. Please start signing in again.`,
  invalid_nonce: msg`This sign-in has expired. Please start signing in again.`,
  invalid_phone: msg`Enter the phone number in international format, starting with + and the country code.`,
  invalid_price_range: msg`The minimum price is higher than the maximum price. Please check the price range.`,
  invalid_push_endpoint: PUSH_UNAVAILABLE,
  invalid_push_keys: PUSH_UNAVAILABLE,
  invalid_range: msg`The end date must come after the start date.`,
  invalid_recovery_code: msg`That recovery code isn’t valid or has already been used.`,
  invalid_refresh_token: SIGN_IN_AGAIN,
  invalid_signature: GENERIC,
  invalid_token: SIGN_IN_AGAIN,
  invalid_username: msg`Usernames have 3 to 30 letters, digits, “_” or “.”, and start with a letter or a digit.`,
  maker_cannot_bid: msg`You can’t bid on your own story.`,
  maker_cannot_buy: msg`You can’t buy your own piece.`,
  maker_cannot_offer: msg`You can’t make an offer on your own story.`,
  maker_not_found: msg`This maker could not be found.`,
  maker_profile_exists: msg`You already have a maker profile.`,
  maker_required: msg`Only makers can upload videos and images. Set up your maker profile first.`,
  maker_sign_up_limit: msg`Too many maker profiles were created from this network today. Please try again tomorrow.`,
  max_below_amount: msg`Your maximum bid can’t be lower than your bid.`,
  media_file_not_found: FILE_NOT_FOUND,
  media_forbidden: msg`This file isn’t yours.`,
  media_not_editable: msg`Only videos can be edited.`,
  media_not_found: msg`This video or image could not be found.`,
  media_not_ready: msg`This video is still being processed. Please wait until it’s ready.`,
  media_source_missing: msg`The original upload of this video is no longer available. Please upload it again.`,
  media_taken_down: msg`This video was taken down.`,
  media_tool_missing: OUR_SIDE,
  message_not_found: msg`This message could not be found.`,
  no_auction: msg`No auction has started on this story yet.`,
  no_bids: msg`There are no bids on this auction.`,
  no_payment_window: msg`This auction isn’t waiting for a payment.`,
  no_second_chance_bidder: msg`There is no other bidder to offer the piece to.`,
  not_a_video: msg`This file isn’t a video in a format we support. Please choose another video file.`,
  not_allowed_for_party: msg`Only the buyer or the maker concerned can do this.`,
  not_an_image: msg`This file isn’t an image we can read. Please choose a JPEG or PNG image.`,
  not_auction_maker: ONLY_THE_MAKER,
  not_found: msg`This could not be found. It may have been removed.`,
  not_offer_owner: msg`Only the person who made this offer can withdraw it.`,
  not_payment_party: msg`Only the winning buyer and the maker can see this payment.`,
  not_shipped_to_country: msg`This piece doesn’t ship to your country.`,
  not_story_maker: ONLY_THE_MAKER,
  not_story_owner: msg`Only the maker of this story can change it.`,
  not_suspended: msg`This account isn’t suspended.`,
  nothing_to_refund: msg`This payment has already been refunded in full.`,
  notification_not_found: msg`This notification could not be found.`,
  offer_already_active: msg`You already have an offer waiting on this story. Withdraw it before making a new one.`,
  offer_below_minimum: msg`Your offer is below the minimum for this story.`,
  offer_id_conflict: RELOAD,
  offer_not_found: msg`This offer could not be found.`,
  offer_not_pending: msg`This offer is no longer waiting for an answer.`,
  offer_not_withdrawable: msg`This offer opened the auction and is now its first bid, so it can’t be withdrawn.`,
  offer_policy_required: msg`Set a minimum offer and its currency before publishing.`,
  order_not_awaiting_shipment: msg`This order isn’t waiting to be shipped.`,
  order_not_cancellable: msg`This order can no longer be cancelled.`,
  order_not_delivered: msg`You can review an order once it has been delivered.`,
  order_not_disputable: msg`This order can no longer be disputed.`,
  order_not_found: msg`This order could not be found.`,
  order_not_refundable: msg`This order can’t be refunded right now.`,
  order_not_shipped: msg`Only a shipped order can be confirmed as delivered.`,
  payload_too_large: msg`This is too large to send. Please try with something smaller.`,
  payment_not_found: msg`This payment could not be found.`,
  payment_window_closed: msg`The time to pay has run out.`,
  payment_window_not_found: msg`This payment could not be found.`,
  payment_window_open: msg`The buyer still has time to pay. Please wait until that time is up.`,
  payments_unavailable: msg`Payments are briefly unavailable. Please try again in a few minutes.`,
  payout_account_not_found: msg`Your payouts aren’t set up yet. Please set them up first.`,
  playback_token_expired: msg`This video link has expired. Please reload the page to watch it.`,
  playback_token_invalid: PLAYBACK_UNAVAILABLE,
  probe_cancelled: msg`Checking the video was cancelled. Please upload it again.`,
  provider_not_configured: msg`Signing in this way isn’t available right now. Please choose another way to sign in.`,
  provider_unavailable: msg`We couldn’t reach the sign-in service. Please try again.`,
  push_endpoint_taken: msg`Notifications in this browser are already turned on for another account.`,
  range_not_satisfiable: PLAYBACK_UNAVAILABLE,
  rate_limited: msg`You’re doing that too often. Please wait a moment and try again.`,
  receipt_link_expired: msg`This receipt link has expired. Sign in to see your receipt.`,
  recipient_unavailable: msg`This account was deleted, so it can’t receive messages.`,
  refresh_token_reused: msg`For your security, your session has ended. Please sign in again.`,
  refund_exceeds_payment: msg`This is more than can still be refunded.`,
  refund_failed: msg`The payment provider refused this refund. Please try again later.`,
  report_already_resolved: msg`This report has already been resolved.`,
  report_not_found: msg`This report could not be found.`,
  resolution_too_large: msg`This video’s picture is too large. Export it at a lower resolution and try again.`,
  review_already_removed: msg`This review has already been removed.`,
  review_not_found: msg`This review could not be found.`,
  review_window_closed: msg`The time to review this order has passed.`,
  service_unavailable: BRIEFLY_UNAVAILABLE,
  session_ended: SIGN_IN_AGAIN,
  shipping_country_required: msg`Choose the country the piece would ship to, or set your country in your account.`,
  shipping_required: msg`Add where the piece ships from and at least one shipping option before publishing.`,
  sign_in_locked: msg`Too many wrong codes were entered today. Please try again tomorrow.`,
  storage_key_invalid: OUR_SIDE,
  storage_object_not_found: FILE_NOT_FOUND,
  storage_prefix_invalid: OUR_SIDE,
  storage_range_invalid: PLAYBACK_UNAVAILABLE,
  storage_range_not_satisfiable: PLAYBACK_UNAVAILABLE,
  storage_unavailable: BRIEFLY_UNAVAILABLE,
  story_changed: msg`The story changed while it was being published. Please try again.`,
  story_media_not_found: msg`A video or image in this story is missing or isn’t yours. Remove it and try again.`,
  story_moderated: msg`This story was taken down by our team and can’t be published again.`,
  story_not_found: msg`This story could not be found.`,
  story_not_published: msg`This story isn’t published yet.`,
  story_reserved: msg`This piece is reserved for a buyer who is paying for it now.`,
  story_sold: msg`This piece has been sold.`,
  token_expired: SIGN_IN_AGAIN,
  too_large: msg`This file is too large.`,
  too_long: msg`This video is too long. Please trim it shorter.`,
  too_many_codes: msg`Too many codes were requested. Please wait a while and try again.`,
  too_many_payment_windows: msg`You already have too many pieces waiting for payment. Pay for one before buying another.`,
  totp_already_enabled: msg`Two-step verification is already on.`,
  totp_not_enrolled: msg`Set up two-step verification first.`,
  totp_required: msg`Turn on two-step verification to do this.`,
  transcode_cancelled: msg`Processing the video was cancelled. Please upload it again.`,
  transcode_failed: msg`This video could not be processed. Please try another file.`,
  transcode_output_dir_invalid: OUR_SIDE,
  transcode_output_dir_not_empty: OUR_SIDE,
  transcode_timed_out: msg`Processing this video took too long. Please try a shorter or smaller file.`,
  trim_invalid: msg`This trim doesn’t fit the video. Start within the video and keep at least a second of it.`,
  truncated: msg`This video file is incomplete: the upload may have been cut off. Please upload it again.`,
  undecodable: msg`This video can’t be read. Please export it again or choose another file.`,
  unsupported_currency: msg`This currency isn’t supported. Please choose another one.`,
  unsupported_media_type: msg`Only video and image files can be uploaded.`,
  upload_empty: msg`This file is empty. Please choose another file.`,
  upload_failed: msg`The upload failed. Please try again.`,
  upload_finished: msg`This upload has already finished.`,
  upload_forbidden: msg`This upload isn’t yours.`,
  upload_length_invalid: UPLOAD_DID_NOT_START,
  upload_length_required: UPLOAD_DID_NOT_START,
  upload_metadata_invalid: UPLOAD_DID_NOT_START,
  upload_not_found: msg`This upload could not be found. Please start it again.`,
  upload_too_large: msg`This file is too large.`,
  user_not_found: msg`This account could not be found.`,
  username_taken: msg`That username is taken. Please try another one.`,
  validation_failed: msg`Some of the information isn’t valid. Please check it and try again.`,
  web_push_not_configured: msg`Browser notifications aren’t available yet.`,
};

type Details = Readonly<Record<string, unknown>>;

function isDetails(value: unknown): value is Details {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function whole(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** An amount of the details in the viewer's locale, or null without both the amount and its currency. */
function money(amountMinor: unknown, currency: unknown): string | null {
  const amount = whole(amountMinor);
  if (amount === null || typeof currency !== 'string') return null;
  try {
    return formatMoney(amount, currency);
  } catch {
    return null; // Not a currency Intl knows: the sentence without the amount still helps.
  }
}

/** A caption's position as people count (the server's index starts at 0). */
function captionNumber(index: unknown): number | null {
  const value = whole(index);
  return value === null ? null : value + 1;
}

function countryName(code: unknown): string | null {
  if (typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code)) return null;
  try {
    return new Intl.DisplayNames([formatTag()], { type: 'region' }).of(code.toUpperCase()) ?? null;
  } catch {
    return null;
  }
}

/** A file size limit in the viewer's locale: "500 MB", "1,5 GB". */
function fileSize(bytes: unknown): string | null {
  const value = whole(bytes);
  if (value === null || value === 0) return null;
  const [amount, unit] =
    value >= 1e9 ? [value / 1e9, 'gigabyte'] : value >= 1e6 ? [value / 1e6, 'megabyte'] : [value / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(formatTag(), { style: 'unit', unit, maximumFractionDigits: 1 }).format(amount);
}

/** A duration limit in the viewer's locale: "3 minutes", "90 seconds". */
function duration(seconds: unknown): string | null {
  const value = whole(seconds);
  if (value === null || value === 0) return null;
  const [amount, unit] = value % 60 === 0 ? [value / 60, 'minute'] : [value, 'second'];
  return new Intl.NumberFormat(formatTag(), { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/**
 * Sentences that name what the details carry; each gives null when the details lack it, and the
 * code's plain sentence is used instead.
 */
const WITH_DETAILS: { readonly [C in ErrorCode]?: (details: Details) => MessageDescriptor | null } = {
  bid_too_low: (details) => {
    const amount = money(details.minNextBidMinor, details.currency);
    return amount === null ? null : msg`Your bid is below the minimum next bid. Bid at least ${amount}.`;
  },
  offer_below_minimum: (details) => {
    const amount = money(details.minOfferMinor, details.currency);
    return amount === null ? null : msg`Your offer is below the minimum for this story. Offer at least ${amount}.`;
  },
  already_leading: (details) => {
    const maximum = money(details.maxAmountMinor, details.currency);
    return maximum === null
      ? null
      : msg`You’re already the highest bidder. To bid more, set a maximum bid above ${maximum}.`;
  },
  bid_above_new_buyer_cap: (details) => {
    const cap = money(details.capMinor, details.currency);
    return cap === null ? null : msg`Until your first purchase is paid, you can bid or offer at most ${cap} here.`;
  },
  refund_exceeds_payment: (details) => {
    const amount = money(details.refundableMinor, details.currency);
    return amount === null ? null : msg`At most ${amount} can still be refunded.`;
  },
  currency_mismatch: (details) => {
    const currency = typeof details.currency === 'string' ? details.currency : null;
    return currency === null ? null : msg`Offers on this story are made in ${currency}.`;
  },
  not_shipped_to_country: (details) => {
    const country = countryName(details.country);
    return country === null ? null : msg`This piece doesn’t ship to ${country}.`;
  },
  too_many_payment_windows: (details) => {
    const count = whole(details.maxOpenWindows);
    return count === null
      ? null
      : msg`${plural(count, {
          one: 'You already have # piece waiting for payment. Pay for it before buying another.',
          other: 'You already have # pieces waiting for payment. Pay for one before buying another.',
        })}`;
  },
  captions_too_many_cues: (details) => {
    const count = whole(details.maxCues);
    return count === null
      ? null
      : msg`${plural(count, {
          one: 'A captions file can hold at most # caption.',
          other: 'A captions file can hold at most # captions.',
        })}`;
  },
  captions_beyond_end: (details) => {
    const number = captionNumber(details.index);
    return number === null ? null : msg`Caption ${number} ends after the video does. Move it earlier or shorten it.`;
  },
  captions_cue_too_long: (details) => {
    const number = captionNumber(details.index);
    return number === null ? null : msg`Caption ${number} is too long. Split it into shorter captions.`;
  },
  captions_empty_cue: (details) => {
    const number = captionNumber(details.index);
    return number === null ? null : msg`Caption ${number} has no text. Add its text or remove it.`;
  },
  captions_end_before_start: (details) => {
    const number = captionNumber(details.index);
    return number === null ? null : msg`Caption ${number} ends before it starts. Check its times.`;
  },
  captions_out_of_order: (details) => {
    const number = captionNumber(details.index);
    return number === null ? null : msg`Caption ${number} starts before the one before it. Put the captions in order.`;
  },
  captions_too_large: (details) => {
    const size = fileSize(details.maxBytes);
    return size === null ? null : msg`The captions file is too large. It can be at most ${size}.`;
  },
  too_large: (details) => {
    const size = fileSize(details.maxBytes);
    return size === null ? null : msg`This file is too large. It can be at most ${size}.`;
  },
  upload_too_large: (details) => {
    const size = fileSize(details.maxBytes);
    return size === null ? null : msg`This file is too large. It can be at most ${size}.`;
  },
  too_long: (details) => {
    const limit = duration(details.maxDurationSeconds);
    return limit === null
      ? null
      : msg`This video is too long. Videos can last at most ${limit}; please trim it shorter.`;
  },
};

/** Whether a code from the server is one this app knows a sentence for. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, code);
}

/**
 * What an error code says to the viewer, in their language; the server's details (plus what the
 * screen adds, such as the currency of the amounts they name) fill in amounts and limits.
 */
export function errorText(code: ErrorCode, details?: unknown): string {
  const detailed = isDetails(details) ? WITH_DETAILS[code]?.(details) : null;
  return i18n._(detailed ?? ERROR_MESSAGES[code]);
}

/** No answer from the server at all. */
export function networkErrorText(): string {
  return i18n._(msg`No connection to the server. Check your network and try again.`);
}

/** A failure nothing more is known about. */
export function unexpectedErrorText(): string {
  return i18n._(GENERIC);
}

/** An answer without the server's error body (a proxy's or gateway's page): what its status means. */
export function statusText(status: number): string {
  if (status === 401) return i18n._(ERROR_MESSAGES.authentication_required);
  if (status === 403) return i18n._(ERROR_MESSAGES.forbidden);
  if (status === 404) return i18n._(ERROR_MESSAGES.not_found);
  if (status === 413) return i18n._(ERROR_MESSAGES.payload_too_large);
  if (status === 429) return i18n._(ERROR_MESSAGES.rate_limited);
  if (status >= 500) return i18n._(BRIEFLY_UNAVAILABLE);
  return i18n._(GENERIC);
}
