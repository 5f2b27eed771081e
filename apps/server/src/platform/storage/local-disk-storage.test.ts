import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk-storage.js';

describe('LocalDiskStorage', () => {
  let base: string;
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'storage-local-only-'));
    root = path.join(base, 'media');
    storage = new LocalDiskStorage({ root });
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('writes files under the root at the key path', async () => {
    await storage.put('videos/v1/720p/seg_001.m4s', 'bytes');
    expect(await readdir(path.join(root, 'videos', 'v1', '720p'))).toEqual(['seg_001.m4s']);
  });

  it('never writes outside the root, whatever the key', async () => {
    for (const key of ['../outside.txt', 'a/../../outside.txt', `${base}/outside.txt`]) {
      await expect(storage.put(key, 'x')).rejects.toMatchObject({ code: 'storage_key_invalid' });
    }
    expect(await readdir(base)).toEqual([]); // not even the root was needed
  });

  it('leaves no temp file behind when the body fails', async () => {
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('a/b.m4s', failing)).rejects.toThrow('client went away');
    expect(await storage.exists('a/b.m4s')).toBe(false);
    expect(await readdir(path.join(root, '.staging'))).toEqual([]);
  });

  it('does not follow symbolic links when listing', async () => {
    const outside = path.join(base, 'secret');
    await mkdir(outside);
    await writeFile(path.join(outside, 'passwd'), 'secret');
    await storage.put('v/a.txt', 'a');
    await symlink(outside, path.join(root, 'v', 'link'));
    expect((await storage.list('v/')).map((o) => o.key)).toEqual(['v/a.txt']);
  });

  it('removes folders left empty by deletes', async () => {
    await storage.put('videos/v1/720p/a.m4s', 'a');
    await storage.put('videos/v2/b.m4s', 'b');
    await storage.delete('videos/v1/720p/a.m4s');
    expect(await readdir(path.join(root, 'videos'))).toEqual(['v2']);
    await storage.deletePrefix('videos/v2/');
    expect((await readdir(root)).filter((name) => name !== '.staging')).toEqual([]);
  });

  it('does not treat a file as a folder when the prefix ends with a slash', async () => {
    await storage.put('a/b', 'file named b');
    expect(await storage.deletePrefix('a/b/')).toBe(0);
    expect(await storage.exists('a/b')).toBe(true);
  });
});
