/** SQL of the accounts (`identity.users`). */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { Locale } from '../../platform/i18n';
import { usernameFromEmail, usernameWithSuffix } from './rules';
import { users } from './tables';

export type UserRow = typeof users.$inferSelect;

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  // drizzle wraps driver errors; the PostgreSQL error is the cause
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr.code === UNIQUE_VIOLATION && (!constraint || pgErr.constraint === constraint);
}

/** The user's country as an expression, for another module's statement (`userId` may be a placeholder). */
export function countryExpression(userId: SQLWrapper | string): SQL<string | null> {
  return sql<string | null>`(select ${users.country} from ${users} where ${users.id} = ${userId})`;
}

export async function findUserById(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<UserRow | undefined> {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The accounts among `ids` (any status). */
export async function findUsersByIds(db: Executor, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserByPhoneLookup(db: Executor, lookup: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.phoneLookup, lookup));
  return row;
}

/** Ids of the active accounts holding the stored admin role whose address is one of `adminEmails`. */
export async function findActiveAdminIds(db: Executor, adminEmails: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`'admin' = any(${users.roles})`,
        eq(users.status, 'active'),
        inArray(users.email, adminEmails.length ? [...adminEmails] : ['']),
      ),
    );
  return rows.map((r) => r.id);
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
    locale?: Locale | null;
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

/** Changes the fields of a user; the updated row, or undefined when there is no such user. */
export async function updateUser(
  db: Executor,
  userId: string,
  patch: Partial<Omit<UserRow, 'id'>>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(patch).where(eq(users.id, userId)).returning();
  return row;
}

/** Sets the status of a user whose status is not `deleted`; undefined when there is no such user. */
export async function setStatusUnlessDeleted(
  db: Executor,
  userId: string,
  status: UserRow['status'],
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ status, updatedAt: now })
    .where(sql`${users.id} = ${userId} and ${users.status} <> 'deleted'`)
    .returning();
  return row;
}

/** Sets a suspended user active again; undefined when the user is not suspended (or unknown). */
export async function reactivateSuspended(db: Executor, userId: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ status: 'active', updatedAt: now })
    .where(sql`${users.id} = ${userId} and ${users.status} = 'suspended'`)
    .returning();
  return row;
}

/**
 * Erases the personal data of a user not yet deleted and marks it deleted (the row stays, so
 * orders and auction records keep their party). False when there is no such user.
 */
export async function anonymiseUser(db: Executor, userId: string, username: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({
      email: null,
      username,
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
  return row !== undefined;
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
