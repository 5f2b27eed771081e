import { z } from 'zod';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { OrdersDeps } from './deps';
import { presentOrder, shippingAddressFor, type OrderView } from './present';
import { renderReceiptPage } from './receipt/receipt-page';
import { receiptTokenHolder } from './receipt/receipt-token';
import { findOrder, listOrders } from './repo';
import { relationOf, requireRelation } from './rules';
import type { OrderStatus } from './tables';

export async function getOrder(deps: OrdersDeps, caller: Caller, orderId: string): Promise<OrderView> {
  const order = await findOrder(deps.db, orderId);
  if (!order) throw notFound('order_not_found', 'No such order');
  return presentOrder(deps, order, requireRelation(order, caller), caller.userId);
}

const cursorPayload = z.object({ t: z.iso.datetime(), i: z.uuid() });

function decodeCursor(cursor: string): { at: Date; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid_cursor', 'The cursor is not one this server gave out');
  }
  const result = cursorPayload.safeParse(parsed);
  if (!result.success) throw badRequest('invalid_cursor', 'The cursor is not one this server gave out');
  return { at: new Date(result.data.t), id: result.data.i };
}

const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify({ t: at.toISOString(), i: id })).toString('base64url');

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
    throw forbidden('forbidden', 'This needs the admin role');
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
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/**
 * The receipt page, for a signed-in party (bearer) or a receipt link's token (30 days). The
 * shipping address appears for the buyer and the maker only, and in full only when signed in.
 */
export async function orderReceipt(
  deps: OrdersDeps,
  orderId: string,
  viewer: { caller: Caller | null; token: string | undefined },
): Promise<string> {
  const order = await findOrder(deps.db, orderId);
  if (!order) throw notFound('order_not_found', 'No such order');
  const holder =
    viewer.token && !viewer.caller
      ? receiptTokenHolder(deps.secrets.internalSigningSecret, order.id, viewer.token, deps.clock.now().getTime())
      : null;
  if (holder === 'expired') {
    throw new AppError(410, 'receipt_link_expired', 'This receipt link has expired; sign in to see the receipt.');
  }
  const relation = viewer.caller ? requireRelation(order, viewer.caller) : holder?.relation;
  if (!relation) throw notFound('order_not_found', 'No such order');
  const makerName = (await deps.identity.displayName(order.makerId)) ?? 'The maker';
  return renderReceiptPage({
    order,
    relation,
    makerName,
    shippingAddress: shippingAddressFor(deps, order, relation),
    // A link can be forwarded or read over a shoulder: without sign-in, only where the parcel goes.
    addressMasked: !viewer.caller,
  });
}
