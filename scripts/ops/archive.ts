import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_FILE, manifestSchema, type BackupManifest, type FileEntry } from './manifest';
import { runCommand } from './run-command';

/** The SHA-256 of a file, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as `/`-separated paths relative to `base`; links are never followed. */
export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Size and checksum of each file (paths relative to `dir`). */
export async function describeFiles(dir: string, paths: string[]): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const p of paths) {
    const file = path.join(dir, ...p.split('/'));
    entries.push({ path: p, bytes: (await stat(file)).size, sha256: await sha256File(file) });
  }
  return entries;
}

/** Packs the staging folder into one gzip-compressed tar file, written whole or not at all. */
export async function writeArchive(stagingDir: string, outFile: string): Promise<void> {
  const partial = `${outFile}.partial`;
  const top = (await readdir(stagingDir)).sort();
  try {
    await runCommand('tar', ['-czf', partial, '-C', stagingDir, '--', ...top]);
    // The archive holds personal data and, for a local install, its encryption keys.
    await chmod(partial, 0o600);
    await rename(partial, outFile);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/**
 * Unpacks a backup into `dir` (which should be empty) and checks it against its manifest: every
 * listed file present with its size and checksum, nothing unlisted. Throws before anything else
 * is touched when the file is damaged.
 */
export async function extractAndVerify(file: string, dir: string): Promise<BackupManifest> {
  try {
    await runCommand('tar', ['-xzf', file, '-C', dir, '--no-same-owner', '--no-same-permissions']);
  } catch (err) {
    throw new Error(`${file} is not a readable backup (corrupted or truncated): ${(err as Error).message}`);
  }
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')));
  } catch (err) {
    throw new Error(`${file} has no valid manifest: ${(err as Error).message.slice(0, 300)}`);
  }
  const present = new Set((await listFiles(dir)).filter((p) => p !== MANIFEST_FILE));
  for (const entry of manifest.files) {
    if (!present.delete(entry.path)) throw new Error(`${file} is incomplete: ${entry.path} is missing`);
    const [actual] = await describeFiles(dir, [entry.path]);
    if (actual!.bytes !== entry.bytes || actual!.sha256 !== entry.sha256) {
      throw new Error(`${file} is corrupted: checksum mismatch for ${entry.path}`);
    }
  }
  if (present.size > 0) throw new Error(`${file} holds files its manifest does not list: ${[...present][0]}`);
  return manifest;
}
