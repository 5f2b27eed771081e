import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import { recordAudit } from '../../platform/audit';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { AppModule } from '../../platform/module';
import { addRole, findMakerProfile, findUserById, isUniqueViolation, type MakerProfileRow } from './repo';
import { USERNAME, effectiveRoles, normalizeEmail } from './rules';
import type { SessionService } from './sessions';
import { presentUser, type PublicUser } from './sign-in';
import { federatedIdentities, makerProfiles, mfaChallenges, sessions, users } from './tables';
import { sealedFor } from './sealed-columns';

interface Deps {
  db: Database;
  clock: Clock;
  secrets: Secrets;
  sessions: SessionService;
  config: Pick<Config, 'ADMIN_EMAILS'>;
}

export interface MakerProfile {
  userId: string;
  displayName: string;
  bio: string | null;
  city: string | null;
  country: string | null;
  avatarUrl: string | null;
  createdAt: string;
}

export function presentMaker(m: MakerProfileRow): MakerProfile {
  return {
    userId: m.userId,
    displayName: m.displayName,
    bio: m.bio,
    city: m.city,
    country: m.country,
    avatarUrl: m.avatarUrl,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function getMe(
  deps: Deps,
  userId: string,
): Promise<PublicUser & { phone: string | null; maker: MakerProfile | null }> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('user_not_found', 'No such user');
  const maker = await findMakerProfile(deps.db, userId);
  const roles = effectiveRoles(user.roles, user.email, deps.config.ADMIN_EMAILS.map(normalizeEmail));
  return {
    ...presentUser({ ...user, roles }),
    phone: user.phoneEncrypted ? deps.secrets.cipher.decrypt(user.phoneEncrypted, sealedFor('phone', user.id)) : null,
    maker: maker ? presentMaker(maker) : null,
  };
}

export async function changeUsername(deps: Deps, userId: string, username: string): Promise<PublicUser> {
  const wanted = username.trim().toLowerCase();
  if (!USERNAME.test(wanted)) {
    throw badRequest(
      'invalid_username',
      'Usernames are 3–30 letters, digits, "_" or "." and start with a letter or digit',
    );
  }
  try {
    const [row] = await deps.db
      .update(users)
      .set({ username: wanted, updatedAt: deps.clock.now() })
      .where(eq(users.id, userId))
      .returning();
    if (!row) throw notFound('user_not_found', 'No such user');
    return presentUser(row);
  } catch (err) {
    if (isUniqueViolation(err, 'users_username_key')) throw conflict('username_taken', 'That username is taken');
    throw err;
  }
}

/** Creates the caller's maker profile; the caller gains the `maker` role. */
export async function createMakerProfile(
  deps: Deps,
  userId: string,
  input: {
    displayName: string;
    bio?: string | undefined;
    city?: string | undefined;
    country?: string | undefined;
    legalName?: string | undefined;
  },
): Promise<MakerProfile> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(makerProfiles)
      .values({
        userId,
        displayName: input.displayName.trim(),
        bio: input.bio ?? null,
        city: input.city ?? null,
        country: input.country?.toUpperCase() ?? null,
        legalNameEncrypted: input.legalName
          ? deps.secrets.cipher.encrypt(input.legalName, sealedFor('legalName', userId))
          : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('maker_profile_exists', 'You already have a maker profile');
    await addRole(tx, userId, 'maker');
    return presentMaker(row);
  });
}

export async function getMakerProfile(db: Database, userId: string): Promise<MakerProfile> {
  const row = await findMakerProfile(db, userId);
  if (!row) throw notFound('maker_not_found', 'No such maker');
  return presentMaker(row);
}

/** Admin: suspends an account. Every session is revoked and every call answers 403 from now on. */
export async function suspendUser(
  deps: Deps,
  adminId: string,
  userId: string,
  reason: string | undefined,
): Promise<PublicUser> {
  const suspended = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status: 'suspended', updatedAt: deps.clock.now() })
      .where(sql`${users.id} = ${userId} and ${users.status} <> 'deleted'`)
      .returning();
    if (!row) throw notFound('user_not_found', 'No such user');
    await deps.sessions.revokeAll(tx, userId, 'suspended');
    await recordAudit(tx, {
      actorId: adminId,
      action: 'user.suspend',
      targetType: 'user',
      targetId: userId,
      reason: reason ?? null,
    });
    return presentUser(row);
  });
  await deps.sessions.announceRevoked(userId, 'account_suspended');
  return suspended;
}

export async function reinstateUser(
  deps: Deps,
  adminId: string,
  userId: string,
  reason: string | undefined,
): Promise<PublicUser> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status: 'active', updatedAt: deps.clock.now() })
      .where(sql`${users.id} = ${userId} and ${users.status} = 'suspended'`)
      .returning();
    if (!row) {
      const existing = await findUserById(tx, userId);
      if (!existing || existing.status === 'deleted') throw notFound('user_not_found', 'No such user');
      throw conflict('not_suspended', 'The account is not suspended');
    }
    await recordAudit(tx, {
      actorId: adminId,
      action: 'user.reinstate',
      targetType: 'user',
      targetId: userId,
      reason: reason ?? null,
    });
    return presentUser(row);
  });
}

/** Everything the product holds about the user, as one JSON document. */
export async function exportUserData(
  deps: Deps,
  userId: string,
  modules: AppModule[],
): Promise<Record<string, unknown>> {
  const me = await getMe(deps, userId);
  const userSessions = await deps.db
    .select({
      id: sessions.id,
      method: sessions.method,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const linked = await deps.db
    .select({ provider: federatedIdentities.provider, createdAt: federatedIdentities.createdAt })
    .from(federatedIdentities)
    .where(eq(federatedIdentities.userId, userId));
  const maker = await findMakerProfile(deps.db, userId);
  const out: Record<string, unknown> = {
    exportedAt: deps.clock.now().toISOString(),
    account: me,
    legalName: maker?.legalNameEncrypted
      ? deps.secrets.cipher.decrypt(maker.legalNameEncrypted, sealedFor('legalName', maker.userId))
      : null,
    sessions: userSessions,
    linkedSignIns: linked,
  };
  for (const m of modules) {
    if (m.exportUserData) out[m.name] = await m.exportUserData(userId);
  }
  return out;
}

/**
 * Deletes the account: personal data erased, the row kept (anonymised) so orders and auction
 * records stay intact for the legally required record.
 */
export async function deleteAccount(deps: Deps, userId: string, modules: AppModule[]): Promise<void> {
  await deps.db.transaction(async (tx: Executor) => {
    const now = deps.clock.now();
    const [row] = await tx
      .update(users)
      .set({
        email: null,
        username: `deleted-${randomBytes(6).toString('hex')}`,
        phoneLookup: null,
        phoneEncrypted: null,
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        roles: [],
        status: 'deleted',
        deletedAt: now,
        updatedAt: now,
      })
      .where(sql`${users.id} = ${userId} and ${users.status} <> 'deleted'`)
      .returning({ id: users.id });
    if (!row) throw notFound('user_not_found', 'No such user');
    await tx
      .update(makerProfiles)
      .set({
        displayName: 'Former maker',
        bio: null,
        city: null,
        avatarUrl: null,
        legalNameEncrypted: null,
        updatedAt: now,
      })
      .where(eq(makerProfiles.userId, userId));
    await tx.delete(federatedIdentities).where(eq(federatedIdentities.userId, userId));
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
    await deps.sessions.revokeAll(tx, userId, 'account_deleted');
    for (const m of modules) {
      if (m.eraseUserData) await m.eraseUserData(tx, userId);
    }
  });
  await deps.sessions.announceRevoked(userId, 'session_ended');
}
