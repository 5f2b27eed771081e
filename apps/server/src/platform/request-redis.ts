/**
 * A Redis connection for work on a request's path (rate-limit counters, cached pages). It never
 * holds a request: no queue while disconnected and one retry, so a Redis outage is a quick miss the
 * caller lets through. Commands issued while the same batch of sockets is being read go out in one
 * write (auto-pipelining): under load most requests' commands share a system call with others'.
 */
import { Redis } from 'ioredis';
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
