import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
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
  status: 'open' | 'paid' | 'expired' | 'cancelled';
  expiresAt: Date;
}

/** What this module needs of the auctions module (bound late: auctions is built after us). */
export interface AuctionsPort {
  paymentWindow(windowId: string): Promise<PaymentWindow | null>;
  /**
   * Marks the window paid in the caller's transaction (idempotent). `paid` is false when the window
   * had already expired or been cancelled; `publish` sends its live updates once the caller committed.
   */
  markPaid(tx: Executor, windowId: string): Promise<{ paid: boolean; publish(): Promise<void> }>;
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
  amountMinor: number;
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

export interface StoriesPort {
  /** The story's title, for the checkout page, receipts and orders. */
  storyTitle(storyId: string): Promise<string | null>;
}

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

export type PaymentsIdentity = Pick<IdentityService, 'hasTotp' | 'contactOf' | 'displayName' | 'guard'>;

/** Everything the payments use cases are built from. */
export interface PaymentsDeps {
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
  identity: PaymentsIdentity;
  notifications: NotificationsPort;
  auctions: () => AuctionsPort | null;
  orders: () => OrdersPort | null;
  stories: () => StoriesPort | null;
  analytics: () => AnalyticsPort | null;
  /** Observes the time from an event's creation at the provider to its application here. */
  observeWebhookLag: (type: string, seconds: number) => void;
}

/** A live message to publish once the transaction that caused it has committed. */
export interface LiveMessage {
  channel: string;
  type: string;
  data: Record<string, unknown>;
}

/** The auctions port, or a clear error while the auctions module is not wired. */
export function auctionsOf(deps: PaymentsDeps): AuctionsPort {
  const port = deps.auctions();
  if (!port) throw new Error('the auctions module is not wired to payments');
  return port;
}

export function ordersOf(deps: PaymentsDeps): OrdersPort {
  const port = deps.orders();
  if (!port) throw new Error('the orders module is not wired to payments');
  return port;
}

export async function publishAll(deps: Pick<PaymentsDeps, 'realtime'>, messages: LiveMessage[]): Promise<void> {
  for (const m of messages) await deps.realtime.publish(m.channel, m.type, m.data);
}
