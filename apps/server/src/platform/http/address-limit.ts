import type { FastifyRequest } from 'fastify';
import { retryLater } from '../errors';
import type { HttpApp } from './types';

/**
 * A counter per key (the key built from the request: its client address, client id, story…),
 * shared through Redis when the global limits are. `take` counts one and says whether it is
 * still within `max` for the window.
 */
export function keyedLimit(
  app: HttpApp,
  limit: { name: string; max: number; windowMs: number; key: (req: FastifyRequest) => string },
): { take: (req: FastifyRequest) => Promise<{ allowed: boolean; retryAfterSeconds: number }> } {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req) => `${limit.name}:${limit.key(req)}`,
    allowList: () => false,
  });
  return {
    take: async (req) => {
      const result = await check(req);
      if (result.isAllowed || !result.isExceeded) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, result.ttlInSeconds) };
    },
  };
}

/** As `keyedLimit`, throwing 429 `rate_limited` (with Retry-After) once the count is over. */
export async function enforce(
  limit: ReturnType<typeof keyedLimit>,
  req: FastifyRequest,
  message: string,
): Promise<void> {
  const { allowed, retryAfterSeconds } = await limit.take(req);
  if (!allowed) throw retryLater('rate_limited', message, retryAfterSeconds);
}
