/**
 * Every message the server publishes on a WebSocket channel, as schemas both sides share: the
 * server builds what it publishes with these types (and its tests parse them), the web app parses
 * what it receives with them and ignores what does not match. `zod/mini` keeps the web bundle small.
 */
import * as z from 'zod/mini';

const id = z.string();
const minor = z.number().check(z.int());
const isoTime = z.string();

export const AUCTION_STATUSES = [
  'active',
  'ended',
  'awaiting_payment',
  'paid',
  'cancelled',
  'lapsed',
  'payment_expired',
] as const;

/** The public summary every auction message carries; never a maximum or the reserve amount. */
export const auctionSummary = z.object({
  auctionId: id,
  storyId: id,
  status: z.enum(AUCTION_STATUSES),
  amountMinor: z.nullable(minor),
  highBidMinor: z.nullable(minor),
  currency: z.string(),
  leaderId: z.nullable(id),
  leaderAlias: z.nullable(z.string()),
  reserveMet: z.boolean(),
  endsAt: isoTime,
  minNextBidMinor: z.nullable(minor),
  bidCount: minor,
  /** The auction's version: two processes may publish in another order than they committed. */
  version: minor,
});
export type AuctionSummary = z.infer<typeof auctionSummary>;

const mediaStatus = z.enum(['uploading', 'processing', 'ready', 'failed']);

/** The data of each message type. */
export const realtimeData = {
  // auction:<id> (auction_started also on story:<id>)
  auction_started: auctionSummary,
  bid_placed: auctionSummary,
  status_changed: auctionSummary,
  extended: z.extend(auctionSummary, { previousEndsAt: isoTime }),
  ended: z.extend(auctionSummary, {
    outcome: z.enum(['sold', 'reserve_not_met', 'no_bids', 'accepted_early']),
    winnerId: z.nullable(id),
  }),
  bid_voided: z.extend(auctionSummary, { bidId: id }),
  // user:<id>
  outbid: auctionSummary,
  payment_window_opened: z.object({
    auctionId: id,
    storyId: id,
    amountMinor: minor,
    currency: z.string(),
    expiresAt: isoTime,
    reason: z.enum(['won', 'maker_accepted', 'second_chance']),
  }),
  payment_window_paid: z.object({ windowId: id, storyId: id }),
  'payment.updated': z.object({
    windowId: id,
    /** Unset on a declined attempt: no payment was recorded. */
    paymentId: z.optional(id),
    status: z.enum(['paid', 'refunding', 'refunded', 'failed']),
    orderId: z.optional(id),
    message: z.optional(z.string()),
    refundedMinor: z.optional(minor),
    currency: z.optional(z.string()),
  }),
  'payout_account.updated': z.object({ payoutsEnabled: z.boolean() }),
  'order.updated': z.object({ orderId: id, status: z.string() }),
  'media.progress': z.object({
    mediaId: id,
    version: z.optional(minor),
    status: mediaStatus,
    progress: z.number().check(z.gte(0), z.lte(100)),
    error: z.optional(z.object({ code: z.string(), message: z.string() })),
  }),
  notification: z.object({
    notification: z.looseObject({ id, kind: z.string(), title: z.string(), createdAt: isoTime }),
    unreadCount: minor,
  }),
  // user:<id>: a message for the recipient, and the reader's own badge after reading a conversation
  message: z.object({
    conversationId: id,
    message: z.object({
      id,
      conversationId: id,
      senderId: id,
      text: z.string(),
      createdAt: isoTime,
      linksAllowed: z.boolean(),
      senderDeleted: z.boolean(),
    }),
    unreadInConversation: minor,
    unreadCount: minor,
  }),
  conversation_read: z.object({ conversationId: id, unreadCount: minor }),
  notifications_read: z.object({
    ids: z.optional(z.array(id)),
    all: z.optional(z.boolean()),
    unreadCount: minor,
  }),
};

export type RealtimeMessageType = keyof typeof realtimeData;
export type RealtimeData<T extends RealtimeMessageType> = z.infer<(typeof realtimeData)[T]>;

/** One message for the subscribers of one channel, as the server publishes it. */
export type LiveMessage = {
  [T in RealtimeMessageType]: { channel: string; type: T; data: RealtimeData<T> };
}[RealtimeMessageType];

/** Builds a message; the type parameter ties `data` to the schema of `type`. */
export function liveMessage<T extends RealtimeMessageType>(
  channel: string,
  type: T,
  data: RealtimeData<T>,
): { channel: string; type: T; data: RealtimeData<T> } {
  return { channel, type, data };
}

export const auctionChannel = (auctionId: string) => `auction:${auctionId}`;
export const storyChannel = (storyId: string) => `story:${storyId}`;
export const userChannel = (userId: string) => `user:${userId}`;

const published = z.discriminatedUnion(
  'type',
  (Object.keys(realtimeData) as RealtimeMessageType[]).map((type) =>
    z.object({
      type: z.literal(type),
      channel: z.string(),
      data: realtimeData[type],
      serverTime: z.optional(isoTime),
    }),
  ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
);

/** A published message as a subscriber receives it (the server adds `serverTime`). */
export type ReceivedLiveMessage = LiveMessage & { serverTime?: string };

/** Parses one published message; null when its type is unknown or its data malformed. */
export function parseLiveMessage(value: unknown): ReceivedLiveMessage | null {
  const result = published.safeParse(value);
  return result.success ? (result.data as ReceivedLiveMessage) : null;
}

/** The connection's own answers (not published on a channel): welcome, subscribed, errors, pong… */
const control = z.object({
  type: z.enum(['welcome', 'subscribed', 'unsubscribed', 'authenticated', 'pong', 'error']),
  channel: z.optional(z.string()),
  code: z.optional(z.string()),
  userId: z.optional(id),
  serverTime: z.optional(isoTime),
});
export type RealtimeControlMessage = z.infer<typeof control>;

/** Parses a control message of the connection; null when it is not one. */
export function parseControlMessage(value: unknown): RealtimeControlMessage | null {
  const result = control.safeParse(value);
  return result.success ? result.data : null;
}
