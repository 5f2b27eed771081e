import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { makerProfiles, users } from './tables';
import { usernameFromEmail, usernameWithSuffix } from './rules';

export type UserRow = typeof users.$inferSelect;
export type MakerProfileRow = typeof makerProfiles.$inferSelect;

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  // drizzle wraps driver errors; the PostgreSQL error is the cause
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr.code === UNIQUE_VIOLATION && (!constraint || pgErr.constraint === constraint);
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserByPhoneLookup(db: Executor, lookup: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.phoneLookup, lookup));
  return row;
}

/**
 * Inserts a user with a unique username derived from `usernameSeed`; retries with a suffix when
 * taken. Runs in a savepoint so a collision does not abort the caller's transaction.
 */
export async function insertUser(
  db: Executor,
  values: {
    id?: string;
    email?: string | null;
    phoneLookup?: string | null;
    phoneEncrypted?: string | null;
    roles: string[];
  },
  usernameSeed: string,
): Promise<UserRow> {
  const base = usernameFromEmail(usernameSeed);
  for (let attempt = 0; attempt < 8; attempt++) {
    const username = attempt === 0 ? base : usernameWithSuffix(base);
    try {
      const [row] = await db.transaction(async (sp) =>
        sp
          .insert(users)
          .values({ ...values, username })
          .returning(),
      );
      return row!;
    } catch (err) {
      if (isUniqueViolation(err, 'users_username_key')) continue;
      // A concurrent first sign-in created the same account: use it.
      if (isUniqueViolation(err, 'users_email_key') && values.email) {
        const existing = await findUserByEmail(db, values.email);
        if (existing) return existing;
      }
      if (isUniqueViolation(err, 'users_phone_lookup_key') && values.phoneLookup) {
        const existing = await findUserByPhoneLookup(db, values.phoneLookup);
        if (existing) return existing;
      }
      throw err;
    }
  }
  throw new Error('could not allocate a username');
}

export async function addRole(db: Executor, userId: string, role: string): Promise<void> {
  await db
    .update(users)
    .set({ roles: sql`array_append(${users.roles}, ${role})`, updatedAt: new Date() })
    .where(and(eq(users.id, userId), sql`not (${role} = any(${users.roles}))`));
}

export async function removeRole(db: Executor, userId: string, role: string): Promise<void> {
  await db
    .update(users)
    .set({ roles: sql`array_remove(${users.roles}, ${role})`, updatedAt: new Date() })
    .where(and(eq(users.id, userId), sql`${role} = any(${users.roles})`));
}

export async function findMakerProfile(db: Executor, userId: string): Promise<MakerProfileRow | undefined> {
  const [row] = await db.select().from(makerProfiles).where(eq(makerProfiles.userId, userId));
  return row;
}

export async function findMakerProfiles(db: Executor, userIds: string[]): Promise<MakerProfileRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(makerProfiles).where(inArray(makerProfiles.userId, userIds));
}
