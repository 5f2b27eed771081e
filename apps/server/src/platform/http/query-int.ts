import { z } from 'zod';

const WHOLE_NUMBER = /^\s*-?\d+\s*$/;

/**
 * A whole number read from the query string. Plain coercion reads a blank or signed-only value
 * (`?limit=`, `?min=+`) as 0; here anything but digits (with an optional minus) is refused, so a
 * malformed parameter answers 400 instead of quietly meaning zero.
 */
export function queryInt(bounds: { min?: number; max?: number } = {}) {
  let number = z.coerce.number().int();
  if (bounds.min !== undefined) number = number.min(bounds.min);
  if (bounds.max !== undefined) number = number.max(bounds.max);
  return z.preprocess((value) => (typeof value === 'string' && !WHOLE_NUMBER.test(value) ? Number.NaN : value), number);
}
