import { and, eq, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import { type AppError, forbidden, unauthorized } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { AccessEnded } from '../../platform/realtime/realtime';
import type { AccessTokens } from './access-tokens';
import { ROLES_NEEDING_TOTP, effectiveRoles } from './rules';
import { refreshTokens, sessions, users } from './tables';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const newRefreshToken = () => `rt_${randomBytes(32).toString('base64url')}`;

/** Sessions (refresh-token families), token rotation with reuse detection, and request authentication. */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
    private readonly maxSessionSeconds: number,
    /** Tells every process a session or an account lost access (its live connections close). */
    private readonly announceEnded: (ended: AccessEnded) => Promise<void> = async () => {},
    /** Normalised ADMIN_EMAILS as configured now. */
    private readonly adminEmails: readonly string[] = [],
  ) {}

  /** Opens a session for a signed-in user and returns its first token pair. */
  async open(tx: Executor, user: { id: string; roles: string[] }, method: string): Promise<TokenPair> {
    const now = this.clock.now();
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: user.id,
        method,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.maxSessionSeconds * 1000),
      })
      .returning({ id: sessions.id });
    const refreshToken = newRefreshToken();
    await tx
      .insert(refreshTokens)
      .values({ tokenHash: hashToken(refreshToken), sessionId: session!.id, createdAt: now });
    const access = await this.tokens.issue({ sub: user.id, sid: session!.id, roles: user.roles });
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already rotated means it leaked:
   * the whole session is revoked, so the thief's newer token dies too.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (tx): Promise<{ error: AppError } | { pair: TokenPair }> => {
      const [row] = await tx
        .select({
          rotatedAt: refreshTokens.rotatedAt,
          sessionId: sessions.id,
          revokedAt: sessions.revokedAt,
          expiresAt: sessions.expiresAt,
          userId: users.id,
          roles: users.roles,
          email: users.email,
          status: users.status,
        })
        .from(refreshTokens)
        .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(refreshTokens.tokenHash, hashToken(refreshToken)))
        .for('update');
      if (!row) return { error: unauthorized('invalid_refresh_token', 'The refresh token is not valid') };
      if (row.status === 'suspended') return { error: forbidden('account_suspended', 'The account is suspended') };
      if (row.revokedAt || row.expiresAt <= now) {
        return { error: unauthorized('session_ended', 'The session has ended; sign in again') };
      }
      if (row.rotatedAt) {
        await tx
          .update(sessions)
          .set({ revokedAt: now, revokedReason: 'refresh_token_reuse' })
          .where(eq(sessions.id, row.sessionId));
        return {
          error: unauthorized('refresh_token_reused', 'The refresh token was already used; the session is revoked'),
        };
      }
      if (row.status === 'deleted') return { error: unauthorized('session_ended', 'The session has ended') };
      await tx
        .update(refreshTokens)
        .set({ rotatedAt: now })
        .where(eq(refreshTokens.tokenHash, hashToken(refreshToken)));
      const next = newRefreshToken();
      await tx.insert(refreshTokens).values({ tokenHash: hashToken(next), sessionId: row.sessionId, createdAt: now });
      await tx.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, row.sessionId));
      const roles = effectiveRoles(row.roles, row.email, this.adminEmails);
      const access = await this.tokens.issue({ sub: row.userId, sid: row.sessionId, roles });
      return { pair: { accessToken: access.token, refreshToken: next, expiresIn: access.expiresIn } };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  async signOut(sessionId: string): Promise<void> {
    const ended = await this.db
      .update(sessions)
      .set({ revokedAt: this.clock.now(), revokedReason: 'sign_out' })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    for (const { userId } of ended) await this.announceEnded({ userId, sessionId, reason: 'session_ended' });
  }

  /** Sign out everywhere: every session of the user ends, live connections included. */
  async signOutEverywhere(userId: string): Promise<void> {
    await this.revokeAll(this.db, userId, 'sign_out_everywhere');
    await this.announceEnded({ userId, reason: 'session_ended' });
  }

  /**
   * Closes the live connections of a user whose sessions a committed transaction revoked
   * (suspension, deletion); `revokeAll` inside that transaction cannot, as it might roll back.
   */
  async announceRevoked(userId: string, reason: AccessEnded['reason']): Promise<void> {
    await this.announceEnded({ userId, reason });
  }

  /** Revokes every session of the user (sign out everywhere, suspension, deletion). */
  async revokeAll(tx: Executor, userId: string, reason: string): Promise<void> {
    await tx
      .update(sessions)
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  }

  /**
   * Checks a bearer token and that its session and account are still good right now, so sign-out
   * and suspension take effect at once even for unexpired tokens.
   */
  async authenticate(bearer: string): Promise<Caller> {
    const claims = await this.tokens.verify(bearer);
    const rows = await this.db.execute<{
      status: string;
      roles: string[];
      email: string | null;
      totp: boolean;
      revoked: boolean;
      expired: boolean;
    }>(sql`
      select u.status, u.roles, u.email, u.totp_enabled_at is not null as totp,
        s.revoked_at is not null as revoked, s.expires_at <= now() as expired
      from identity.sessions s join identity.users u on u.id = s.user_id
      where s.id = ${claims.sid} and u.id = ${claims.sub}`);
    const row = rows.rows[0];
    // Suspension is reported as such (403) even though it also revoked the sessions.
    if (row?.status === 'suspended') throw forbidden('account_suspended', 'The account is suspended');
    if (!row || row.revoked || row.expired || row.status === 'deleted') {
      throw unauthorized('session_ended', 'The session has ended; sign in again');
    }
    // Roles come from the account and today's configuration, never from the token's claim.
    const held = effectiveRoles(row.roles, row.email, this.adminEmails);
    const awaiting = row.totp ? [] : held.filter((r) => ROLES_NEEDING_TOTP.includes(r));
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      roles: held.filter((r) => !awaiting.includes(r)),
      ...(awaiting.length ? { rolesAwaitingTotp: awaiting } : {}),
      expiresAt: claims.expiresAt,
    };
  }
}
