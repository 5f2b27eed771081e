import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { migrateDatabase, type MigrationSet } from '../../apps/server/src/platform/db/migrate';
import { migrationSets as currentMigrationSets } from '../../apps/server/src/composition/migrations';
import { extractAndVerify } from './archive';
import { dataDirInUse, placeDataDirFiles, type DataFolder } from './data-dir-files';
import { databaseHasTables, openDatabaseTarget } from './database-target';
import type { BackupManifest } from './manifest';
import { runPgRestore } from './pg-dump';
import { findPgTools, pickCompatibleTool, type PgTool } from './pg-tools';
import { loadPortable } from './portable-load';

export interface RestoreOptions {
  file: string;
  /** DATABASE_URL; unset means the embedded server of DATA_DIR (which must not be running). */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Replace what the database and DATA_DIR hold; without it they must be empty. */
  clean?: boolean;
  pgBinDirs?: string[];
  migrationSets?: MigrationSet[];
  log?: (line: string) => void;
}

/**
 * Brings back the database and the local media of a backup. The file is unpacked and every
 * checksum verified before anything is changed; then the database is restored, migrated forward
 * to this version, and the media folders are swapped in.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const clean = options.clean ?? false;
  const sets = options.migrationSets ?? currentMigrationSets;
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // Inside DATA_DIR so the restored folders move into place by renaming.
  const work = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    const extracted = path.join(work, 'backup');
    await mkdir(extracted);
    const manifest = await extractAndVerify(path.resolve(options.file), extracted);
    log(`verified ${manifest.totals.files} files of the backup made ${manifest.created}`);
    const tool =
      manifest.database.method === 'pg_dump' ? await restoreTool(manifest.database.toolMajor, options.pgBinDirs) : null;
    const folders: DataFolder[] = [];
    if (manifest.dataDir.media) folders.push('media');
    if (manifest.dataDir.uploads) folders.push('uploads');
    if (!clean && (folders.length || manifest.dataDir.secrets)) {
      const used = await dataDirInUse(dataDir);
      if (used) throw new Error(`${dataDir} already holds ${used}: pass --clean to replace it`);
    }
    const target = await openDatabaseTarget({ databaseUrl: options.databaseUrl, dataDir, purpose: 'restore' });
    try {
      if (!clean && (await databaseHasTables(target.url))) {
        throw new Error('the database is not empty: pass --clean to replace its contents');
      }
      const db = manifest.database;
      switch (db.method) {
        case 'pg_dump':
          log(`restoring the database with ${tool!.path}`);
          await runPgRestore(tool!, target.url, path.join(extracted, db.file), clean);
          break;
        case 'portable':
          await loadPortable({
            url: target.url,
            extractedDir: extracted,
            workDir: work,
            section: db,
            migrationSets: sets,
            clean,
            log,
          });
          break;
        default: {
          const unknown: never = db;
          throw new Error(`unknown dump method ${JSON.stringify(unknown)}`);
        }
      }
      // A backup of an older version meets this version's schema.
      await migrateDatabase(target.url, sets);
    } finally {
      await target.release();
    }
    await placeDataDirFiles({
      extractedDir: extracted,
      dataDir,
      trashDir: path.join(work, 'replaced'),
      folders,
      secrets: manifest.dataDir.secrets,
    });
    log(`restored ${options.file}`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function restoreTool(atLeastMajor: number, dirs: string[] = []): Promise<PgTool> {
  const tools = await findPgTools('pg_restore', dirs);
  const tool = pickCompatibleTool(tools, atLeastMajor);
  if (!tool) {
    const seen = tools.map((t) => t.version).join(', ') || 'none';
    throw new Error(
      `this backup needs pg_restore ${atLeastMajor} or newer (found: ${seen}); install one or pass --pg-bin`,
    );
  }
  return tool;
}
