import type { LiveMessage } from '@vw/domain';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
import { afterCommit } from '../../platform/db/unit-of-work';
import type { Realtime } from '../../platform/realtime/realtime';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';
import type { PaymentProvider } from './providers/provider';

/** A payment window as the auctions module describes it. */
export interface PaymentWindow {
  id: string;
  /** Null for a buy-now window. */
  auctionId: string | null;
  storyId: string;
  makerId: string;
  winnerId: string;
  amountMinor: number;
  currency: string;
  /** Where the piece goes (the checkout takes an address there); null: any country. */
  shippingCountry: string | null;
  /** Shipping there, on top of `amountMinor`. */
  shippingMinor: number;
  status: 'open' | 'paid' | 'expired' | 'cancelled';
  expiresAt: Date;
}

/** What this module calls of the auctions module. */
export interface AuctionsPort {
  paymentWindow(windowId: string): Promise<PaymentWindow | null>;
  /**
   * Marks the window paid in the caller's transaction (idempotent). `paid` is false when the window
   * had already expired or been cancelled; its live updates go out once the caller has committed.
   */
  markPaid(tx: Executor, windowId: string): Promise<{ paid: boolean }>;
}

/**
 * What the orders module offers this module. Each call runs inside the payment's transaction and
 * returns the live messages to publish once it has committed.
 */
export interface OrdersPort {
  createFromPayment(tx: Executor, input: NewOrderInput): Promise<{ orderId: string; live: LiveMessage[] }>;
  /** The money back with the buyer reached `refundedMinor` (a refund settled, or the provider reported one). */
  refundSettled(
    tx: Executor,
    input: { paymentId: string; refundedMinor: number; refundId: string | null },
  ): Promise<LiveMessage[]>;
  /** A chargeback was opened at the provider. */
  disputeOpened(tx: Executor, input: { paymentId: string; reason: string }): Promise<LiveMessage[]>;
  /** A maker's payout account became able to receive money: retry completions that waited for it. */
  payoutsEnabled(tx: Executor, makerId: string): Promise<void>;
}

export interface NewOrderInput {
  windowId: string;
  paymentId: string;
  auctionId: string | null;
  storyId: string;
  buyerId: string;
  makerId: string;
  itemTitle: string;
  /** Everything the buyer paid, shipping included. */
  amountMinor: number;
  /** The shipping part of `amountMinor`. */
  shippingMinor: number;
  feeMinor: number;
  currency: string;
  paidAt: Date;
  shippingAddress: ShippingAddress | null;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  state?: string | null;
}

/** What this module calls of the stories module. */
export interface StoriesPort {
  /** The story's title, for the checkout page, receipts and orders. */
  storyTitle(storyId: string): Promise<string | null>;
}

/** What this module calls of the notifications service (inside its transactions). */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput): Promise<void>;
}

/** The analytics module's event log: a successful payment feeds the maker's figures and the export. */
export interface AnalyticsPort {
  record(
    tx: Executor,
    event: {
      type: 'payment';
      storyId: string;
      makerId: string;
      userId: string | null;
      auctionId?: string | null;
      amountMinor: number;
      currency: string;
    },
  ): Promise<void>;
}

/** What this module calls of the identity service. */
export type IdentityPort = Pick<IdentityService, 'hasTotp' | 'contactOf' | 'displayName' | 'guard' | 'localeOf'>;

/**
 * The other modules this one calls, every port required. Orders and analytics are built after
 * this module, so they are reached late: through a function the composition root answers once
 * they exist.
 */
export interface PaymentsPorts {
  identity: IdentityPort;
  notifications: NotificationsPort;
  auctions: AuctionsPort;
  stories: StoriesPort;
  orders: () => OrdersPort;
  analytics: () => AnalyticsPort;
}

/** Everything the payments use cases are built from. */
export interface PaymentsDeps extends PaymentsPorts {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  realtime: Realtime;
  provider: PaymentProvider;
  /** Absolute base for links that leave the app (provider redirects, emails): PUBLIC_URL, else this server. */
  publicUrl: string;
  /** A link inside the app: absolute under PUBLIC_URL, else relative to this origin. */
  appLink(path: string): string;
  /** Observes the time from an event's creation at the provider to its application here. */
  observeWebhookLag: (type: string, seconds: number) => void;
}

/** A live message to publish once the transaction that caused it has committed (typed by @vw/domain). */
export type { LiveMessage };

export async function publishAll(deps: Pick<PaymentsDeps, 'realtime'>, messages: LiveMessage[]): Promise<void> {
  for (const m of messages) await deps.realtime.publishMessage(m);
}

/** Publishes the messages once the transaction `tx` has committed (never if it rolls back). */
export function publishAfterCommit(deps: Pick<PaymentsDeps, 'realtime'>, tx: Executor, messages: LiveMessage[]): void {
  if (messages.length > 0) afterCommit(tx, () => publishAll(deps, messages));
}
