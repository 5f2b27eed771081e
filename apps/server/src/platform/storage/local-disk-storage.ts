import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertDeletablePrefix,
  assertValidKey,
  assertValidPrefix,
  contentTypeForKey,
  objectNotFound,
  resolveRange,
} from './keys.js';
import type { GetOptions, ObjectStream, PutResult, Storage, StorageBody, StoredObject } from './storage.js';

export interface LocalDiskStorageOptions {
  /** Folder holding the objects, e.g. `<DATA_DIR>/media`; created when missing. */
  root: string;
}

// Writes land here first and are renamed into place, so readers never see partial files. Keys
// cannot start with "." (see keys.ts), so this folder never collides with an object.
const STAGING_DIR = '.staging';

/** Objects as files under one root folder; the embedded default driver. */
export class LocalDiskStorage implements Storage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(options: LocalDiskStorageOptions) {
    this.root = path.resolve(options.root);
  }

  async put(key: string, body: StorageBody): Promise<PutResult> {
    const target = this.pathOf(key);
    return this.writeAtomically(key, target, async (temp) => {
      const source = typeof body === 'string' || body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : body;
      await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
    });
  }

  async putFile(key: string, filePath: string): Promise<PutResult> {
    const target = this.pathOf(key);
    return this.writeAtomically(key, target, (temp) => copyFile(filePath, temp));
  }

  async get(key: string, options: GetOptions = {}): Promise<ObjectStream> {
    const file = this.pathOf(key);
    // Stat the open handle, not the path, so size and content cannot come from different files.
    const handle = await open(file, 'r').catch((error: unknown) => {
      throw isMissing(error) ? objectNotFound(key) : error;
    });
    try {
      const info = await handle.stat({ bigint: true });
      if (!info.isFile()) throw objectNotFound(key);
      const object = describe(key, info);
      const range = options.range ? resolveRange(options.range, object.size) : undefined;
      const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      const contentLength = range ? range.end - range.start + 1 : object.size;
      return { ...object, body, contentLength, ...(range ? { range } : {}) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    try {
      const info = await stat(file, { bigint: true });
      return info.isFile() ? describe(key, info) : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await unlink(file);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await this.pruneEmptyParents(path.dirname(file));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertDeletablePrefix(prefix);
    const objects = await this.list(prefix);
    const folder = prefix.endsWith('/') ? this.pathOf(prefix.slice(0, -1)) : null;
    if (folder && (await isDirectory(folder))) {
      // A whole folder: one recursive removal instead of a file-by-file walk.
      await rm(folder, { recursive: true, force: true });
      await this.pruneEmptyParents(path.dirname(folder));
      return objects.length;
    }
    for (const object of objects) await this.delete(object.key);
    return objects.length;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertValidPrefix(prefix);
    // Only the folder named by the prefix's complete segments can hold matches.
    const folderKey = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const objects: StoredObject[] = [];
    for await (const key of this.walk(folderKey)) {
      if (!key.startsWith(prefix)) continue;
      const object = await this.head(key);
      if (object) objects.push(object);
    }
    return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async *walk(folderKey: string): AsyncGenerator<string> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.root, ...folderKey.split('/')), {
        withFileTypes: true,
      });
    } catch (error) {
      if (isMissing(error) || isNotDirectory(error)) return;
      throw error;
    }
    for (const entry of entries) {
      // Symbolic links are never followed: they could lead outside the root.
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) yield* this.walk(`${folderKey}${entry.name}/`);
      else if (entry.isFile()) yield `${folderKey}${entry.name}`;
    }
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const file = path.join(this.root, ...key.split('/'));
    // Belt and braces: the key rules already make escaping the root impossible.
    if (!file.startsWith(this.root + path.sep)) throw new RangeError('key escapes storage root');
    return file;
  }

  private async writeAtomically(
    key: string,
    target: string,
    write: (tempPath: string) => Promise<void>,
  ): Promise<PutResult> {
    const stagingDir = path.join(this.root, STAGING_DIR);
    await mkdir(stagingDir, { recursive: true });
    const temp = path.join(stagingDir, `${randomBytes(12).toString('hex')}.part`);
    try {
      await write(temp);
      await syncFile(temp);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const info = await stat(target, { bigint: true });
    return { key, size: Number(info.size), etag: etagOf(info) };
  }

  private async pruneEmptyParents(folder: string): Promise<void> {
    let current = folder;
    while (current.startsWith(this.root + path.sep)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      current = path.dirname(current);
    }
  }
}

interface FileInfo {
  size: bigint;
  ino: bigint;
  mtimeNs: bigint;
  mtime: Date;
}

function describe(key: string, info: FileInfo): StoredObject {
  return {
    key,
    size: Number(info.size),
    etag: etagOf(info),
    lastModified: info.mtime,
    contentType: contentTypeForKey(key),
  };
}

// Every write renames a fresh file into place, so inode + size + mtime change with the content.
function etagOf(info: FileInfo): string {
  return createHash('sha1').update(`${info.ino}:${info.size}:${info.mtimeNs}`).digest('hex').slice(0, 32);
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

const isMissing = (error: unknown): boolean => errorCode(error) === 'ENOENT';
const isNotDirectory = (error: unknown): boolean => errorCode(error) === 'ENOTDIR';
