/**
 * A Redis connection for work on a request's path (rate-limit counters, cached pages). It never
 * holds a request: no queue while disconnected and one retry, so a Redis outage is a quick miss the
 * caller lets through. Commands issued while the same batch of sockets is being read go out in one
 * write (auto-pipelining): under load most requests' commands share a system call with others'.
 */
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';

export function requestPathRedis(url: string, logger: Logger, role: string): Redis {
  const redis = new Redis(url, {
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
  });
  redis.on('error', (err) => logger.warn({ err }, `${role} unavailable`));
  return redis;
}

/**
 * The name one deployment's keys carry in a Redis it may share (cached pages, rate-limit counters):
 * a digest of its database's host, port and name, never of the credentials. Deployments, or test
 * databases, sharing a Redis then never read each other's pages nor spend each other's limits.
 */
export function redisScope(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}`).digest('hex').slice(0, 16);
}
