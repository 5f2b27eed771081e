import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFiles, writeArchive } from './archive';
import { DATA_FOLDERS, SECRETS_FILE, stageFolder } from './data-dir-files';
import { openDatabaseTarget, serverMajorVersion, type DatabaseTarget } from './database-target';
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_FILE, type BackupManifest, type DatabaseSection } from './manifest';
import { findPgTools, pickCompatibleTool } from './pg-tools';
import { runPgDump } from './pg-dump';
import { dumpPortable } from './portable-dump';

export type DumpMethod = 'auto' | 'pg_dump' | 'portable';

export interface BackupOptions {
  /** DATABASE_URL; unset means the embedded server of DATA_DIR. */
  databaseUrl?: string | undefined;
  dataDir: string;
  storageDriver: 'local' | 's3';
  /** A folder (the file is named after the time) or a file name ending in `.tar.gz`. */
  out: string;
  /** `auto`: pg_dump when one at least as new as the server is installed, else the portable dump. */
  method?: DumpMethod;
  /** More folders to look for pg_dump in, before the usual places. */
  pgBinDirs?: string[];
  now?: Date;
  log?: (line: string) => void;
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
}

/** Writes one file holding the database and, for the local storage driver, the media. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const created = options.now ?? new Date();
  const file = backupFileName(options.out, created);
  if (existsSync(file)) throw new Error(`${file} already exists`);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // Staged inside DATA_DIR so media can be hard-linked rather than copied.
  const staging = await mkdtemp(path.join(dataDir, '.backup-'));
  let target: DatabaseTarget | null = null;
  try {
    target = await openDatabaseTarget({ databaseUrl: options.databaseUrl, dataDir, purpose: 'backup' });
    const { section, files } = await dumpDatabase(
      target.url,
      staging,
      options.method ?? 'auto',
      options.pgBinDirs ?? [],
      log,
    );
    // With S3 the bucket keeps the media (versioning and replication are its backup).
    const local = options.storageDriver === 'local';
    if (local) for (const folder of DATA_FOLDERS) files.push(...(await stageFolder(dataDir, folder, staging)));
    // Development keys generated on first start: without them encrypted personal data stays shut.
    const secrets = existsSync(path.join(dataDir, SECRETS_FILE));
    if (secrets) {
      await copyFile(path.join(dataDir, SECRETS_FILE), path.join(staging, SECRETS_FILE));
      files.push(SECRETS_FILE);
    }
    const entries = await describeFiles(staging, files);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created: created.toISOString(),
      database: section,
      dataDir: { storageDriver: options.storageDriver, media: local, uploads: local, secrets },
      files: entries,
      totals: { files: entries.length, bytes: entries.reduce((n, e) => n + e.bytes, 0) },
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    await mkdir(path.dirname(file), { recursive: true });
    await writeArchive(staging, file);
    log(`wrote ${file} (${manifest.totals.files} files, ${manifest.totals.bytes} bytes before compression)`);
    return { file, manifest };
  } finally {
    await target?.release();
    await rm(staging, { recursive: true, force: true });
  }
}

/** `<out>/backup-20250101-093000Z.tar.gz`, or `out` itself when it names a `.tar.gz` file. */
export function backupFileName(out: string, created: Date): string {
  if (out.endsWith('.tar.gz')) return path.resolve(out);
  const stamp = created.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return path.resolve(out, `backup-${stamp}Z.tar.gz`);
}

async function dumpDatabase(
  url: string,
  staging: string,
  method: DumpMethod,
  pgBinDirs: string[],
  log: (line: string) => void,
): Promise<{ section: DatabaseSection; files: string[] }> {
  if (method !== 'portable') {
    const server = await serverMajorVersion(url);
    const tools = await findPgTools('pg_dump', pgBinDirs);
    const tool = pickCompatibleTool(tools, server.major);
    if (tool) {
      log(`dumping PostgreSQL ${server.version} with ${tool.path} (${tool.version})`);
      const file = 'database.pgdump';
      await runPgDump(tool, url, path.join(staging, file));
      return {
        section: {
          method: 'pg_dump',
          serverVersion: server.version,
          toolMajor: tool.major,
          toolVersion: tool.version,
          file,
        },
        files: [file],
      };
    }
    const seen = tools.map((t) => t.version).join(', ') || 'none';
    if (method === 'pg_dump') {
      throw new Error(
        `no pg_dump of version ${server.major} or newer was found (found: ${seen}); install one or pass --pg-bin`,
      );
    }
    log(`no pg_dump for PostgreSQL ${server.version} (found: ${seen}): writing the portable dump`);
  }
  const dump = await dumpPortable(url, staging);
  return {
    section: { method: 'portable', serverVersion: dump.serverVersion, tables: dump.tables, sequences: dump.sequences },
    files: dump.tables.map((t) => t.file),
  };
}
