/**
 * Close codes of `/v1/realtime` (4000–4999 are the application's; 1009 is the protocol's). The
 * close reason carries the same meaning as a word, e.g. `token_expired`.
 */
export const CLOSE = {
  /** The access token expired: reconnect (or send `auth`) with a fresh one. */
  tokenExpired: 4001,
  /** The session was signed out (or all sessions): do not reconnect as this session. */
  sessionEnded: 4002,
  /** The account is suspended: do not reconnect. */
  accountSuspended: 4003,
  /** The connection stopped reading and its backlog passed the limit: reconnect and refetch. */
  slowConsumer: 4008,
  /** Too many messages a second, or too many connections from the address: reconnect later. */
  rateLimited: 4029,
  /** A message over the size cap. */
  messageTooBig: 1009,
  /** The server is shutting down: reconnect. */
  goingAway: 1001,
} as const;
