import type { NotificationKind, OptionalChannel } from './kinds';
import { notificationKinds, optionalChannels } from './kinds';

type Defaults = Record<NotificationKind, readonly OptionalChannel[]>;

const PUSH = ['web_push', 'mobile_push'] as const;

/**
 * Channels each kind uses unless the user changed it (in-app is always on). Email for what a
 * user must act on or keep (money, shipping, outcomes); push for what is time-critical; SMS only
 * when the user opts in, since it costs money and interrupts.
 */
export const defaultChannels: Defaults = {
  offer_received: ['email', ...PUSH],
  offer_declined: ['email'],
  auction_started: ['email', ...PUSH],
  bid_placed: [...PUSH],
  outbid: [...PUSH],
  ending_soon: [...PUSH],
  won: ['email', ...PUSH],
  lost: [],
  reserve_not_met: ['email', ...PUSH],
  payment_reminder: ['email', ...PUSH],
  payment_received: ['email', ...PUSH],
  payment_expired: ['email'],
  second_chance_offer: ['email', ...PUSH],
  shipped: ['email', ...PUSH],
  delivered: ['email'],
  order_completed: ['email'],
  shipping_reminder: ['email', ...PUSH],
  shipping_overdue: ['email', ...PUSH],
  refunded: ['email'],
  moderation_outcome: ['email'],
  payout_released: ['email'],
  // A watched piece's auction: its opening and last hour are worth a push; its end only in-app.
  watched_auction_started: [...PUSH],
  watched_ending_soon: [...PUSH],
  watched_auction_ended: [],
  // A followed maker's new story is welcome but never urgent: in-app and push, no email.
  new_story: [...PUSH],
  // Collapsed to one per conversation per quiet period by the conversations module.
  message: ['email', ...PUSH],
  // Worth reading, never urgent: a review of the maker's work, the maker's answer to the buyer.
  review_received: ['email'],
  review_reply: ['email'],
};

export interface PreferenceOverride {
  kind: NotificationKind;
  channel: OptionalChannel;
  enabled: boolean;
}

export interface PreferenceEntry extends PreferenceOverride {
  /** What the product would do without the user's choice. */
  isDefault: boolean;
}

/** Whether a kind goes out on a channel, given the user's overrides for that kind. */
export function channelEnabled(
  kind: NotificationKind,
  channel: OptionalChannel,
  overrides: readonly PreferenceOverride[],
): boolean {
  const override = overrides.find((o) => o.kind === kind && o.channel === channel);
  return override ? override.enabled : defaultChannels[kind].includes(channel);
}

/** The full kind × channel matrix a user sees in settings. */
export function preferenceMatrix(overrides: readonly PreferenceOverride[]): PreferenceEntry[] {
  return notificationKinds.flatMap((kind) =>
    optionalChannels.map((channel) => {
      const enabled = channelEnabled(kind, channel, overrides);
      return { kind, channel, enabled, isDefault: enabled === defaultChannels[kind].includes(channel) };
    }),
  );
}

/**
 * Only site-relative paths or http(s) URLs become links in emails and pushes, so a stored value
 * can never turn into a `javascript:` or protocol-relative link.
 */
export function absoluteLink(link: string | null, publicUrl: string): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return new URL(link, publicUrl).toString();
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * A push endpoint we are willing to POST to: https, and outside production also http (a local
 * push service in development and tests); never a loopback or private host in production.
 */
export function acceptablePushEndpoint(endpoint: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (!production) return url.protocol === 'https:' || url.protocol === 'http:';
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  const literalIp = /^[\d.]+$/.test(host) || host.startsWith('[');
  return (
    !literalIp &&
    host !== 'localhost' &&
    !host.endsWith('.localhost') &&
    !host.endsWith('.internal') &&
    host.includes('.')
  );
}

const SMS_MAX = 320;

/** One SMS (at most two segments): title, body and link. */
export function smsText(title: string, body: string, link: string | null): string {
  const tail = link ? ` ${link}` : '';
  const text = `${title}: ${body}`;
  const room = SMS_MAX - tail.length;
  return (text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text) + tail;
}
