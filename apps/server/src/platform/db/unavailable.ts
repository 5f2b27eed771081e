/**
 * Tells "the database cannot be reached right now" apart from every other failure, so callers
 * can answer 503 and retry later instead of treating it as a bug. Query errors arrive wrapped
 * (drizzle's "Failed query" keeps the driver's error as `cause`), so the whole chain is read.
 */

/** Socket-level failures and the PostgreSQL codes of a server going away or refusing sessions. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // connection_exception class
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // too_many_connections
  '53300',
  // admin_shutdown, crash_shutdown, cannot_connect_now
  '57P01',
  '57P02',
  '57P03',
]);

/** What node-postgres and its pool say when a connection is lost, refused in time, or unusable. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|is not queryable|Client was closed|Connection ended unexpectedly/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** True when `err`, or an error it wraps, means the database is unreachable or refusing sessions. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
