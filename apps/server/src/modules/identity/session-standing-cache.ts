import { LRUCache } from 'lru-cache';
import type { SessionStanding } from './session-repo';

/** Where a session check was answered from (counted as `session_checks_total{source}`). */
export type StandingSource = 'memory' | 'database';

export interface SessionStandingCacheOptions {
  /** How long an entry may answer (0: never cached). */
  ttlMs: number;
  maxEntries: number;
  /**
   * The bus subscription through which this process hears every standing change announced by any
   * process: a number that changes when it is made again, null while there is none.
   */
  subscription: () => number | null;
  counted?: (source: StandingSource) => void;
}

/**
 * The session checks of this process, kept in memory so a signed-in request costs no database read
 * (keyed by session and user, least recently used dropped first, each for at most `ttlMs`).
 *
 * Every change to a session's standing is announced on the event bus once committed (sign-out,
 * suspension, roles, language…) and `forget` drops the entry in every process, so it applies
 * within the bus's delivery time, not the TTL. That holds only while this process hears the bus,
 * so the cache trusts itself no longer than its subscription: while there is none (bus down, not
 * yet listening) every check reads the database, as if there were no cache; when the subscription
 * changes (it was lost and made again, and announcements in between are gone) everything is
 * dropped, and a read started under one subscription is not kept under another. What remains is an
 * announcement lost while the subscription stood (its publisher failed to send it): that standing is
 * at most `ttlMs` stale.
 */
export class SessionStandingCache {
  private readonly entries: LRUCache<string, SessionStanding> | null;
  /** The subscription the entries were kept under. */
  private heard: number | null = null;
  /** Bumped by every drop: a read that started before it must not keep what it read. */
  private generation = 0;

  constructor(private readonly options: SessionStandingCacheOptions) {
    this.entries =
      options.ttlMs > 0 ? new LRUCache({ max: options.maxEntries, ttl: options.ttlMs, updateAgeOnGet: false }) : null;
  }

  /** The standing of the session, from memory when it may be trusted, else from `load` (then kept). */
  async read(
    sessionId: string,
    userId: string,
    load: () => Promise<SessionStanding | undefined>,
  ): Promise<SessionStanding | undefined> {
    const heard = this.entries ? this.options.subscription() : null;
    if (this.entries === null || heard === null) return this.loaded(load);
    if (heard !== this.heard) {
      this.entries.clear();
      this.heard = heard;
      this.generation += 1;
    }
    const key = keyOf(sessionId, userId);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.options.counted?.('memory');
      return hit;
    }
    const generation = this.generation;
    const standing = await this.loaded(load);
    // An unknown session is not kept: its token is refused anyway, and rarely shown twice.
    if (standing && generation === this.generation && this.options.subscription() === heard) {
      this.entries.set(key, standing);
    }
    return standing;
  }

  /** Drops the standing of one session, or of every session of the user when none is named. */
  forget(change: { userId: string; sessionId?: string }): void {
    this.generation += 1;
    if (this.entries === null) return;
    if (change.sessionId !== undefined) {
      this.entries.delete(keyOf(change.sessionId, change.userId));
      return;
    }
    const prefix = `${change.userId}/`;
    const stale = [...this.entries.keys()].filter((key) => key.startsWith(prefix));
    for (const key of stale) this.entries.delete(key);
  }

  private loaded(load: () => Promise<SessionStanding | undefined>): Promise<SessionStanding | undefined> {
    this.options.counted?.('database');
    return load();
  }
}

const keyOf = (sessionId: string, userId: string): string => `${userId}/${sessionId}`;
