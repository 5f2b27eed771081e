import { z } from 'zod';
import { badRequest } from '../../platform/errors';

/** A keyset position: the (time, id) of the last item a page returned. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const payload = z.object({ t: z.iso.datetime(), i: z.uuid() });

/** Opaque to clients: base64url of the position, so the sort key can change without breaking them. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ t: position.at.toISOString(), i: position.id })).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid_cursor', 'The cursor is not one this server gave out');
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw badRequest('invalid_cursor', 'The cursor is not one this server gave out');
  return { at: new Date(result.data.t), id: result.data.i };
}

/** Splits a `limit + 1` read into the page and the cursor of the next one (null at the end). */
export function pageOf<T>(
  rows: T[],
  limit: number,
  positionOf: (row: T) => KeysetPosition,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(positionOf(items[items.length - 1]!)) };
}
