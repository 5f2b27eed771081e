import { z } from 'zod';

export const BACKUP_FORMAT = 'video-window-backup';
export const BACKUP_VERSION = 1;

const fileEntry = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileEntry = z.infer<typeof fileEntry>;

const portableTable = z.object({
  schema: z.string(),
  name: z.string(),
  /** Rows as JSON lines (`to_jsonb` of each row), so every type survives as PostgreSQL prints it. */
  file: z.string(),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.string()),
});
export type PortableTable = z.infer<typeof portableTable>;

const portableSequence = z.object({
  schema: z.string(),
  name: z.string(),
  lastValue: z.string(),
  isCalled: z.boolean(),
});
export type PortableSequence = z.infer<typeof portableSequence>;

const databaseSection = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('pg_dump'),
    serverVersion: z.string(),
    /** pg_restore must be at least this major version to read the archive. */
    toolMajor: z.number().int(),
    toolVersion: z.string(),
    file: z.string(),
  }),
  z.object({
    method: z.literal('portable'),
    serverVersion: z.string(),
    tables: z.array(portableTable),
    sequences: z.array(portableSequence),
  }),
]);
export type DatabaseSection = z.infer<typeof databaseSection>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  created: z.string(),
  database: databaseSection,
  /** Folders and files of DATA_DIR in the archive (local storage driver only). */
  dataDir: z.object({
    storageDriver: z.enum(['local', 's3']),
    media: z.boolean(),
    uploads: z.boolean(),
    secrets: z.boolean(),
  }),
  /** Every file of the archive but this manifest, with its checksum. */
  files: z.array(fileEntry),
  totals: z.object({ files: z.number().int(), bytes: z.number().int() }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
