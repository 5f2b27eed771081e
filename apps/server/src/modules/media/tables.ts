import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const media = pgSchema('media');

export const MEDIA_STATUSES = ['uploading', 'processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

export const VERSION_STATUSES = ['processing', 'ready', 'failed', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * What the maker asked of one version, all against the original upload: the trim (milliseconds
 * of the source) and the captions (kept on the source timeline, so a later trim keeps them in sync).
 */
export interface VersionEdits {
  trimStartMs?: number;
  trimEndMs?: number;
  captions?: { startMs: number; endMs: number; text: string }[];
}

/**
 * One uploaded video or image. `status` is what a viewer can rely on: `ready` as soon as a
 * version plays (even while an edit is being processed — that is tracked on the version),
 * `failed` only when nothing plays and the latest processing failed.
 */
export const mediaItems = media.table(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind', { enum: ['video', 'image'] }).notNull(),
    status: text('status', { enum: MEDIA_STATUSES }).notNull().default('uploading'),
    /** Whole percent of the latest version's processing (100 once ready). */
    progress: integer('progress').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
    declaredType: text('declared_type').notNull(),
    filename: text('filename'),
    /** Where the tus upload keeps the original bytes (kept so edits can re-run the pipeline). */
    sourceKey: text('source_key'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }),
    /** Length of the original upload, once probed (edits' trims are checked against it). */
    sourceDurationMs: integer('source_duration_ms'),
    /** Highest version number ever requested (1 = the upload itself, then one per edit). */
    latestVersion: integer('latest_version').notNull().default(0),
    /** The version now playing, and its storage prefix (`media/<id>/v<n>/`). */
    readyVersion: integer('ready_version'),
    readyPrefix: text('ready_prefix'),
    posterKey: text('poster_key'),
    /** The version's thumbnail; null for versions made before thumbnails existed. */
    thumbKey: text('thumb_key'),
    durationMs: integer('duration_ms'),
    width: integer('width'),
    height: integer('height'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set when an admin took down a story using it: only its owner and admins may play it. */
    withheldAt: timestamp('withheld_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_owner_idx').on(t.ownerId, t.createdAt), index('media_status_idx').on(t.status)],
);

/** One run of the pipeline over the original upload: the first one, then one per studio edit. */
export const mediaVersions = media.table(
  'media_versions',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => mediaItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('processing'),
    progress: integer('progress').notNull().default(0),
    edits: jsonb('edits').$type<VersionEdits>().notNull().default({}),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** Storage prefix of this version's files, `media/<id>/v<version>/`. */
    prefix: text('prefix').notNull(),
    posterKey: text('poster_key'),
    thumbKey: text('thumb_key'),
    hasCaptions: boolean('has_captions').notNull().default(false),
    durationMs: integer('duration_ms'),
    width: integer('width'),
    height: integer('height'),
    attempts: integer('attempts').notNull().default(0),
    /** A worker processing this version renews the lease; an expired lease means it died. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.mediaId, t.version] }),
    index('media_versions_lease_idx').on(t.status, t.leaseExpiresAt),
  ],
);
