import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { OrdersDeps } from './deps';
import { presentOrder, shippingAddressFor, type OrderView } from './present';
import { renderReceiptPage } from './receipt/receipt-page';
import { chooseLocale, localeFromAcceptLanguage } from '../../platform/i18n';
import { orderMessages } from './messages';
import { receiptTokenHolder } from './receipt/receipt-token';
import { findOrder, listOrders } from './repo';
import { relationOf, requireRelation } from './rules';
import type { OrderStatus } from './tables';
import { decodeCursor, encodeCursor } from '../../platform/keyset-cursor';

export async function getOrder(deps: OrdersDeps, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await findOrder(deps.db, orderId);
  if (!order) throw new DomainError('order_not_found', 'No such order');
  return presentOrder(deps, order, requireRelation(order, caller), caller.userId);
}

/** The caller's orders as buyer or maker (or every order, for admins), newest first, by keyset. */
export async function listOrdersFor(
  deps: OrdersDeps,
  caller: Caller,
  query: {
    as: 'buyer' | 'maker' | 'admin';
    status?: OrderStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: OrderView[]; nextCursor: string | null }> {
  if (query.as === 'admin' && !caller.roles.includes('admin'))
    throw new DomainError('forbidden', 'This needs the admin role');
  const rows = await listOrders(deps.db, {
    as: query.as,
    userId: caller.userId,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((o) => presentOrder(deps, o, relationOf(o, caller) ?? 'admin', caller.userId)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/**
 * The receipt page, for a signed-in party (bearer) or a receipt link's token (30 days). The
 * shipping address appears for the buyer and the maker only, and in full only when signed in.
 * It is written in the reader's language: their account's, else their browser's, else English.
 */
export async function orderReceipt(
  deps: OrdersDeps,
  orderId: string,
  viewer: { caller: Caller | null; token: string | undefined; acceptLanguage?: string | undefined },
): Promise<string> {
  const order = await findOrder(deps.db, orderId);
  if (!order) throw new DomainError('order_not_found', 'No such order');
  const holder =
    viewer.token && !viewer.caller
      ? receiptTokenHolder(deps.secrets.internalSigningSecret, order.id, viewer.token, deps.clock.now().getTime())
      : null;
  if (holder === 'expired') {
    throw new DomainError('receipt_link_expired', 'This receipt link has expired; sign in to see the receipt.');
  }
  const relation = viewer.caller ? requireRelation(order, viewer.caller) : holder?.relation;
  if (!relation) throw new DomainError('order_not_found', 'No such order');
  // A signed-in reader's language came with their session; a link holder's is looked up.
  const readerLocale = viewer.caller
    ? viewer.caller.locale
    : holder
      ? await deps.identity.localeOf(holder.userId)
      : null;
  const locale = chooseLocale(readerLocale, localeFromAcceptLanguage(viewer.acceptLanguage));
  const makerName = (await deps.identity.displayName(order.makerId)) ?? orderMessages.format(locale, 'theMaker');
  return renderReceiptPage({
    locale,
    order,
    relation,
    makerName,
    shippingAddress: shippingAddressFor(deps, order, relation),
    // A link can be forwarded or read over a shoulder: without sign-in, only where the parcel goes.
    addressMasked: !viewer.caller,
  });
}
