/**
 * The server's clock as seen from this device. Every realtime message carries `serverTime`;
 * countdowns compute "now" as local time plus the estimated offset, so every client shows the
 * same seconds left whatever its own clock says.
 */
export interface ServerClock {
  /** Server epoch ms now. */
  now(): number;
  offsetMs(): number;
  /**
   * Records a message stamped `serverTime` and received at `receivedAt` (local ms). With
   * `sentAt` (a ping round trip) the midpoint is used and the least-delayed sample wins.
   */
  sample(serverTime: string | number, receivedAt?: number, sentAt?: number): void;
  subscribe(listener: () => void): () => void;
}

/** Offsets older than this are re-estimated from scratch (the device clock may have been changed). */
const SAMPLE_TTL_MS = 5 * 60_000;

export function createServerClock(localNow: () => number = Date.now): ServerClock {
  let offset = 0;
  let bestDelay = Number.POSITIVE_INFINITY;
  let bestAt = 0;
  const listeners = new Set<() => void>();

  return {
    now: () => localNow() + offset,
    offsetMs: () => offset,
    sample(serverTime, receivedAt = localNow(), sentAt) {
      const server = typeof serverTime === 'number' ? serverTime : Date.parse(serverTime);
      if (!Number.isFinite(server)) return;
      // One-way samples cannot tell delay from offset; a round trip bounds it by half the RTT.
      const delay = sentAt === undefined ? Number.MAX_SAFE_INTEGER / 2 : Math.max(0, receivedAt - sentAt) / 2;
      const estimate = server - (receivedAt - (sentAt === undefined ? 0 : delay));
      const stale = receivedAt - bestAt > SAMPLE_TTL_MS;
      if (delay <= bestDelay || stale || bestDelay === Number.POSITIVE_INFINITY) {
        const changed = Math.abs(estimate - offset) > 1;
        offset = estimate;
        bestDelay = delay;
        bestAt = receivedAt;
        if (changed) listeners.forEach((l) => l());
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one server clock (fed by the realtime connection). */
export const serverClock = createServerClock();
