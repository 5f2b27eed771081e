/**
 * The cursor of every keyset-paged list, over (time, id), newest or oldest first. Opaque to
 * clients: base64url of `{ t, i }`, so the sort key can change without breaking them.
 */
import { z } from 'zod';
import { DomainError } from './errors';
import { idSchema } from './ids';

/** A keyset position: the (time, id) of the last item a page returned. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

// `t` may be the database's own text of the time, which keeps microseconds a JS date would lose.
const payload = z.object({ t: z.string().refine((t) => !Number.isNaN(Date.parse(t))), i: idSchema });

const refused = (): DomainError => new DomainError('invalid_cursor', 'The cursor is not one this server gave out');

/** The cursor after `position`; its time is a date, or the database's text of it. */
export function encodeCursor(position: { at: Date | string; id: string }): string {
  const t = typeof position.at === 'string' ? position.at : position.at.toISOString();
  return Buffer.from(JSON.stringify({ t, i: position.id })).toString('base64url');
}

/** The position a cursor stands for, its time as the text it was given; `invalid_cursor` otherwise. */
export function decodeCursorText(cursor: string): { at: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw refused();
  return { at: result.data.t, id: result.data.i };
}

/** The position a cursor stands for; `invalid_cursor` when this server did not give it out. */
export function decodeCursor(cursor: string): KeysetPosition {
  const { at, id } = decodeCursorText(cursor);
  return { at: new Date(at), id };
}

/** Splits a `limit + 1` read into the page and the cursor of the next one (null at the end). */
export function pageOf<T>(
  rows: T[],
  limit: number,
  positionOf: (row: T) => { at: Date | string; id: string },
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(positionOf(items[items.length - 1]!)) };
}
