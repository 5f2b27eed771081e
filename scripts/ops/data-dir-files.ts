import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './archive';

/** What of DATA_DIR a backup carries for the local storage driver. */
export const DATA_FOLDERS = ['media', 'uploads'] as const;
export type DataFolder = (typeof DATA_FOLDERS)[number];
export const SECRETS_FILE = 'secrets.json';

// Half-written objects of the local storage driver; never part of a backup.
const SKIPPED_PREFIX = '.staging/';

/**
 * Places a snapshot of `DATA_DIR/<folder>` in the staging folder. Media objects are only ever
 * renamed into place, so hard links snapshot them for free; uploads grow in place while a client
 * sends them, so they are copied. Falls back to copying across file systems.
 */
export async function stageFolder(dataDir: string, folder: DataFolder, stagingDir: string): Promise<string[]> {
  const source = path.join(dataDir, folder);
  if (!existsSync(source)) return [];
  const files = (await listFiles(source)).filter((p) => !p.startsWith(SKIPPED_PREFIX));
  for (const rel of files) {
    const from = path.join(source, ...rel.split('/'));
    const to = path.join(stagingDir, folder, ...rel.split('/'));
    await mkdir(path.dirname(to), { recursive: true });
    if (folder === 'media') await link(from, to).catch(() => copyFile(from, to));
    else await copyFile(from, to);
  }
  return files.map((p) => `${folder}/${p}`);
}

/** Whether DATA_DIR already holds product files a restore would replace. */
export async function dataDirInUse(dataDir: string): Promise<string | null> {
  for (const folder of DATA_FOLDERS) {
    const dir = path.join(dataDir, folder);
    if (existsSync(dir) && (await readdir(dir)).some((name) => name !== '.staging')) return `${folder}/`;
  }
  return existsSync(path.join(dataDir, SECRETS_FILE)) ? SECRETS_FILE : null;
}

/**
 * Moves the restored folders and secrets into DATA_DIR, replacing what is there; the old copies go
 * to `trashDir` (removed with the restore's work folder) so a failure midway loses nothing.
 */
export async function placeDataDirFiles(options: {
  extractedDir: string;
  dataDir: string;
  trashDir: string;
  folders: DataFolder[];
  secrets: boolean;
}): Promise<void> {
  const { extractedDir, dataDir, trashDir } = options;
  await mkdir(trashDir, { recursive: true });
  const names: string[] = [...options.folders, ...(options.secrets ? [SECRETS_FILE] : [])];
  for (const name of names) {
    const target = path.join(dataDir, name);
    if (existsSync(target)) await rename(target, path.join(trashDir, name));
    const source = path.join(extractedDir, name);
    if (existsSync(source)) await rename(source, target);
    else await mkdir(target, { recursive: true });
  }
  if (options.secrets) await chmod(path.join(dataDir, SECRETS_FILE), 0o600);
  await rm(trashDir, { recursive: true, force: true });
}
