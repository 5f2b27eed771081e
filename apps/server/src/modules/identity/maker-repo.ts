/** SQL of the maker profiles (`identity.maker_profiles`). */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { makerProfiles } from './tables';

export type MakerProfileRow = typeof makerProfiles.$inferSelect;

export async function findMakerProfile(db: Executor, userId: string): Promise<MakerProfileRow | undefined> {
  const [row] = await db.select().from(makerProfiles).where(eq(makerProfiles.userId, userId));
  return row;
}

export async function findMakerProfiles(db: Executor, userIds: string[]): Promise<MakerProfileRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(makerProfiles).where(inArray(makerProfiles.userId, userIds));
}

/** A maker profile locked until the caller's transaction ends (its avatar is being replaced). */
export async function lockMakerProfile(tx: Executor, userId: string): Promise<MakerProfileRow | undefined> {
  const [row] = await tx.select().from(makerProfiles).where(eq(makerProfiles.userId, userId)).for('update');
  return row;
}

/** Inserts a maker profile; undefined when the user already has one. */
export async function insertMakerProfile(
  db: Executor,
  values: typeof makerProfiles.$inferInsert,
): Promise<MakerProfileRow | undefined> {
  const [row] = await db.insert(makerProfiles).values(values).onConflictDoNothing().returning();
  return row;
}

/** Updates a maker profile; undefined when the user has none. */
export async function updateMakerProfileRow(
  db: Executor,
  userId: string,
  values: Partial<Omit<typeof makerProfiles.$inferInsert, 'userId' | 'createdAt'>>,
): Promise<MakerProfileRow | undefined> {
  const [row] = await db.update(makerProfiles).set(values).where(eq(makerProfiles.userId, userId)).returning();
  return row;
}

/** Erases the personal data of a maker profile; the row stays for the records that name the maker. */
export async function anonymiseMakerProfile(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(makerProfiles)
    .set({
      displayName: 'Former maker',
      bio: null,
      city: null,
      avatarUrl: null,
      avatarMediaId: null,
      legalNameEncrypted: null,
      updatedAt: now,
    })
    .where(eq(makerProfiles.userId, userId));
}
