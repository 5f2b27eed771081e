import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { versionPrefix } from './media-storage';
import { mediaItems, mediaVersions, type VersionEdits } from './tables';

export type MediaRow = typeof mediaItems.$inferSelect;
export type VersionRow = typeof mediaVersions.$inferSelect;

export async function insertMedia(
  db: Executor,
  values: {
    id: string;
    ownerId: string;
    kind: 'video' | 'image';
    declaredSize: number;
    declaredType: string;
    filename: string | null;
    now: Date;
  },
): Promise<void> {
  await db.insert(mediaItems).values({ ...values, createdAt: values.now, updatedAt: values.now });
}

/** A media item that is not deleted. */
export async function findMedia(db: Executor, id: string): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.id, id), isNull(mediaItems.deletedAt)));
  return row;
}

/** Same, locking the row for the rest of the transaction (serialises version changes). */
export async function lockMedia(tx: Executor, id: string): Promise<MediaRow | undefined> {
  const [row] = await tx
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.id, id), isNull(mediaItems.deletedAt)))
    .for('update');
  return row;
}

/** Whether a media item may be served: gone (deleted or unknown), withheld, or open to all. */
export async function mediaAccessOf(db: Executor, id: string): Promise<'gone' | 'withheld' | 'open'> {
  const [row] = await db
    .select({ withheldAt: mediaItems.withheldAt })
    .from(mediaItems)
    .where(and(eq(mediaItems.id, id), isNull(mediaItems.deletedAt)));
  if (!row) return 'gone';
  return row.withheldAt ? 'withheld' : 'open';
}

/** Marks media withheld (an admin took down a story using it); already withheld ones keep their time. */
export async function withholdMedia(tx: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(mediaItems)
    .set({ withheldAt: now, updatedAt: now })
    .where(and(inArray(mediaItems.id, ids), isNull(mediaItems.withheldAt)));
}

export async function findMediaMany(db: Executor, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(mediaItems)
    .where(and(inArray(mediaItems.id, ids), isNull(mediaItems.deletedAt)));
}

export async function updateMedia(db: Executor, id: string, values: Partial<MediaRow>): Promise<void> {
  await db.update(mediaItems).set(values).where(eq(mediaItems.id, id));
}

export async function findVersion(db: Executor, mediaId: string, version: number): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(mediaVersions)
    .where(and(eq(mediaVersions.mediaId, mediaId), eq(mediaVersions.version, version)));
  return row;
}

/** The versions of several media items at once (for presenting pending edits). */
export async function findVersionsOf(
  db: Executor,
  keys: { mediaId: string; version: number }[],
): Promise<VersionRow[]> {
  if (keys.length === 0) return [];
  const pairs = keys.map((k) => sql`(${k.mediaId}::uuid, ${k.version}::int)`);
  return db
    .select()
    .from(mediaVersions)
    .where(sql`(${mediaVersions.mediaId}, ${mediaVersions.version}) in (${sql.join(pairs, sql`, `)})`);
}

/**
 * Adds the next version of a locked media item, to be processed from the original upload.
 * Returns its number.
 */
export async function addVersion(tx: Executor, media: MediaRow, edits: VersionEdits, now: Date): Promise<number> {
  const version = media.latestVersion + 1;
  await tx.insert(mediaVersions).values({
    mediaId: media.id,
    version,
    edits,
    prefix: versionPrefix(media.id, version),
    createdAt: now,
  });
  // Versions still processing are superseded: only the newest request is worth finishing.
  await tx
    .update(mediaVersions)
    .set({ status: 'superseded', leaseExpiresAt: null })
    .where(
      and(
        eq(mediaVersions.mediaId, media.id),
        eq(mediaVersions.status, 'processing'),
        lt(mediaVersions.version, version),
      ),
    );
  await tx.update(mediaItems).set({ latestVersion: version, updatedAt: now }).where(eq(mediaItems.id, media.id));
  return version;
}

export async function updateVersion(
  db: Executor,
  mediaId: string,
  version: number,
  values: Partial<VersionRow>,
): Promise<void> {
  await db
    .update(mediaVersions)
    .set(values)
    .where(and(eq(mediaVersions.mediaId, mediaId), eq(mediaVersions.version, version)));
}

/**
 * Takes the processing lease of a version still waiting for it; false when it is no longer
 * processing or another worker holds a live lease.
 */
export async function claimVersion(
  db: Executor,
  mediaId: string,
  version: number,
  now: Date,
  leaseUntil: Date,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(mediaVersions)
    .set({ leaseExpiresAt: leaseUntil, attempts: sql`${mediaVersions.attempts} + 1` })
    .where(
      and(
        eq(mediaVersions.mediaId, mediaId),
        eq(mediaVersions.version, version),
        eq(mediaVersions.status, 'processing'),
        sql`(${mediaVersions.leaseExpiresAt} is null or ${mediaVersions.leaseExpiresAt} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning();
  return row;
}

/** Renews the lease and records progress; false when the version was superseded meanwhile. */
export async function renewLease(
  db: Executor,
  mediaId: string,
  version: number,
  progress: number,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await db
    .update(mediaVersions)
    .set({ progress, leaseExpiresAt: leaseUntil })
    .where(
      and(
        eq(mediaVersions.mediaId, mediaId),
        eq(mediaVersions.version, version),
        eq(mediaVersions.status, 'processing'),
      ),
    )
    .returning({ version: mediaVersions.version });
  return rows.length > 0;
}

/** Versions whose worker stopped renewing its lease (it died or was killed). */
export async function findStalledVersions(
  db: Executor,
  now: Date,
  limit: number,
): Promise<{ mediaId: string; version: number }[]> {
  return db
    .select({ mediaId: mediaVersions.mediaId, version: mediaVersions.version })
    .from(mediaVersions)
    .innerJoin(mediaItems, eq(mediaItems.id, mediaVersions.mediaId))
    .where(
      and(
        eq(mediaVersions.status, 'processing'),
        isNull(mediaItems.deletedAt),
        sql`${mediaVersions.leaseExpiresAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(limit);
}

/** Marks media deleted; returns the ids that were not already. */
export async function markDeleted(tx: Executor, ids: string[], now: Date): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return tx
    .update(mediaItems)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(inArray(mediaItems.id, ids), isNull(mediaItems.deletedAt)))
    .returning();
}

export async function findMediaOwnedBy(db: Executor, ownerId: string): Promise<MediaRow[]> {
  return db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.ownerId, ownerId), isNull(mediaItems.deletedAt)));
}

/** Uploads started before `before` and never finished. */
export async function findAbandonedUploads(db: Executor, before: Date, limit: number): Promise<{ id: string }[]> {
  return db
    .select({ id: mediaItems.id })
    .from(mediaItems)
    .where(and(eq(mediaItems.status, 'uploading'), isNull(mediaItems.deletedAt), lt(mediaItems.createdAt, before)))
    .limit(limit);
}
