/** SQL of the sessions and their refresh tokens. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { refreshTokens, sessions, users } from './tables';

export async function insertSession(
  db: Executor,
  values: { userId: string; method: string; now: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: values.userId,
      method: values.method,
      createdAt: values.now,
      lastUsedAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

export async function insertRefreshToken(db: Executor, tokenHash: string, sessionId: string, now: Date): Promise<void> {
  await db.insert(refreshTokens).values({ tokenHash, sessionId, createdAt: now });
}

/** A refresh token with its session and account, locked until the transaction ends; undefined when unknown. */
export async function lockRefreshToken(db: Executor, tokenHash: string) {
  const [row] = await db
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
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update');
  return row;
}

export async function markRefreshTokenRotated(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.update(refreshTokens).set({ rotatedAt: now }).where(eq(refreshTokens.tokenHash, tokenHash));
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: Executor, sessionId: string, reason: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now, revokedReason: reason }).where(eq(sessions.id, sessionId));
}

/** Revokes the session unless already revoked; the owner of a session it revoked now. */
export async function revokeLiveSession(
  db: Executor,
  sessionId: string,
  reason: string,
  now: Date,
): Promise<{ userId: string }[]> {
  return db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId });
}

/** Revokes every live session of the user (sign out everywhere, suspension, deletion). */
export async function revokeAllSessions(db: Executor, userId: string, reason: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export type SessionStanding = {
  status: string;
  roles: string[];
  email: string | null;
  totp: boolean;
  locale: string | null;
  revoked: boolean;
  /** When the session ends by itself (kept as a time, so a cached standing still expires on time). */
  expiresAt: Date;
};

/** What a request's session and account look like right now; undefined when either is unknown. */
export async function findSessionStanding(
  db: Executor,
  sessionId: string,
  userId: string,
): Promise<SessionStanding | undefined> {
  const [row] = await db
    .select({
      status: users.status,
      roles: users.roles,
      email: users.email,
      totp: sql<boolean>`${users.totpEnabledAt} is not null`,
      locale: users.locale,
      revoked: sql<boolean>`${sessions.revokedAt} is not null`,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(users.id, userId)));
  return row;
}

/** The sessions of a user, for the data export. */
export async function listSessionsOfUser(db: Executor, userId: string) {
  return db
    .select({
      id: sessions.id,
      method: sessions.method,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId));
}
