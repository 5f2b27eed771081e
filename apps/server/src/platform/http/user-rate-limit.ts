import type { FastifyRequest } from 'fastify';
import { retryLater } from '../errors';
import type { HttpApp } from './types';

export interface UserRateLimit {
  /** Names the counter (`bids`, `uploads`); counters of different names never mix. */
  name: string;
  max: number;
  windowMs: number;
  /** What the caller did too often, for the error message ("bids", "uploads"). */
  what: string;
}

/**
 * A route `preHandler`, placed after the auth guard, that limits each signed-in user on this
 * route whatever address they call from (many users behind one address keep their own budget;
 * one user cannot spread a flood over many addresses). It adds to the per-IP limit every route
 * has, and shares the same store (Redis when configured, so the budget holds across processes).
 */
export function perUserLimit(app: HttpApp, limit: UserRateLimit): (req: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req) => `user:${limit.name}:${req.caller?.userId ?? 'anonymous'}`,
    allowList: () => false,
  });
  return async (req) => {
    if (!req.caller) return;
    const result = await check(req);
    if (result.isAllowed || !result.isExceeded) return;
    throw retryLater(
      'rate_limited',
      `Too many ${limit.what}; retry in ${result.ttlInSeconds} s`,
      Math.max(1, result.ttlInSeconds),
    );
  };
}
