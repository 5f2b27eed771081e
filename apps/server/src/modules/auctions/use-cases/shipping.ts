/**
 * Where a buyer's piece would ship, checked before an offer, bid or buy-now: the country they named,
 * else their account's; a story that does not ship there refuses them (`not_shipped_to_country`).
 */
import { shippingOptionFor, type ShippingPolicy } from '@vw/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import { deferWrite } from '../../../platform/db/unit-of-work';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { shipTo } from '../tables';

export interface Destination {
  /** Null only for a story without shipping terms (none is published without them). */
  country: string | null;
  shippingMinor: number;
}

export async function destinationFor(
  deps: AuctionsDeps,
  tx: Executor,
  input: {
    userId: string;
    named: string | undefined;
    shipping: ShippingPolicy | null;
    /** The account's country, when the caller read it already. */
    accountCountry?: string | null;
  },
): Promise<Destination> {
  // Read in the caller's transaction: a second connection per request could exhaust the pool.
  const country =
    input.named ??
    (input.accountCountry !== undefined ? input.accountCountry : await deps.identity.countryOf(input.userId, tx));
  if (input.shipping === null) return { country, shippingMinor: 0 };
  if (country === null) {
    throw new DomainError(
      'shipping_country_required',
      'Say where the piece would ship (shippingCountry), or set your country on your account',
    );
  }
  const option = shippingOptionFor(input.shipping, country);
  if (option === null) {
    throw new DomainError('not_shipped_to_country', `This piece does not ship to ${country}`, {
      country,
      fromCountry: input.shipping.fromCountry,
    });
  }
  return { country, shippingMinor: option.amountMinor };
}

/** Shipping terms of auctions seen lately, by auction id: they are frozen while the auction runs. */
const auctionShippingCache = new Map<string, ShippingPolicy | null>();
const AUCTION_SHIPPING_CACHE_SIZE = 1_000;

/**
 * The shipping terms a running auction sells on. Read once per auction and process: the story's
 * terms cannot change while its auction is active, so a hot auction's bids skip the look-up.
 */
export async function auctionShipping(
  deps: AuctionsDeps,
  tx: Executor,
  auctionId: string,
  storyId: string,
): Promise<ShippingPolicy | null> {
  if (auctionShippingCache.has(auctionId)) return auctionShippingCache.get(auctionId)!;
  const shipping = (await deps.stories.storyTerms(storyId, tx))?.shipping ?? null;
  if (auctionShippingCache.size >= AUCTION_SHIPPING_CACHE_SIZE) {
    auctionShippingCache.delete(auctionShippingCache.keys().next().value!);
  }
  auctionShippingCache.set(auctionId, shipping);
  return shipping;
}

/**
 * Remembers the country the buyer named for the story (their latest offer, bid or buy-now wins): a
 * deferred write, sent just before the transaction commits (a window opening reads it in a later
 * transaction).
 */
export async function rememberDestination(
  tx: Executor,
  input: { storyId: string; userId: string; country: string | null; at: Date },
): Promise<void> {
  if (input.country === null) return;
  await deferWrite(
    tx,
    tx
      .insert(shipTo)
      .values({ storyId: input.storyId, userId: input.userId, country: input.country, updatedAt: input.at })
      .onConflictDoUpdate({
        target: [shipTo.storyId, shipTo.userId],
        set: { country: sql`excluded.country`, updatedAt: sql`excluded.updated_at` },
      }),
    { key: `auctions.ship_to:${input.storyId}:${input.userId}` },
  );
}

/**
 * The winner's destination when their payment window opens: the country they last named for the
 * story and the story's price to ship there (terms are frozen while the auction runs).
 */
export async function winnerDestination(
  deps: AuctionsDeps,
  tx: Executor,
  input: { storyId: string; winnerId: string },
): Promise<{ shippingCountry: string | null; shippingMinor: number }> {
  const [named] = await tx
    .select({ country: shipTo.country })
    .from(shipTo)
    .where(sql`${shipTo.storyId} = ${input.storyId} and ${shipTo.userId} = ${input.winnerId}`);
  // A plain read in the transaction: the terms are frozen while the auction or buy-now runs.
  const terms = await deps.stories.storyTerms(input.storyId, tx);
  const country = named?.country ?? (await deps.identity.countryOf(input.winnerId, tx));
  if (country === null || !terms?.shipping) return { shippingCountry: country, shippingMinor: 0 };
  const option = shippingOptionFor(terms.shipping, country);
  return { shippingCountry: country, shippingMinor: option?.amountMinor ?? 0 };
}
