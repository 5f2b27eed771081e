import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import type { Storage } from './storage.js';
import { startS3rver } from './test-s3rver.js';

interface Harness {
  storage: Storage;
  close(): Promise<void>;
}

/** The behaviour every driver must share; run once per driver below. */
function storageContract(name: string, start: () => Promise<Harness>): void {
  describe(`${name} storage contract`, () => {
    let harness: Harness;
    let scratch: string;
    let storage: Storage;
    let run = 0;
    // Each test writes under its own prefix, so tests never see each other's objects.
    const ns = (): string => `t${++run}-${randomBytes(3).toString('hex')}`;

    beforeAll(async () => {
      harness = await start();
      storage = harness.storage;
      scratch = await mkdtemp(path.join(tmpdir(), 'storage-contract-'));
    });
    afterAll(async () => {
      await harness?.close();
      await rm(scratch, { recursive: true, force: true });
    });

    it('stores a buffer and reads it back with size, etag and content type', async () => {
      const key = `${ns()}/720p/index.m3u8`;
      const put = await storage.put(key, Buffer.from('#EXTM3U\n'));
      expect(put).toMatchObject({ key, size: 8 });
      expect(put.etag).not.toBe('');

      const object = await storage.get(key);
      expect(await text(object.body)).toBe('#EXTM3U\n');
      expect(object).toMatchObject({ size: 8, contentLength: 8, etag: put.etag });
      expect(object.contentType).toBe('application/vnd.apple.mpegurl');
      expect(object.range).toBeUndefined();

      const head = await storage.head(key);
      expect(head).toMatchObject({ key, size: 8, etag: put.etag });
      expect(head?.lastModified).toBeInstanceOf(Date);
      expect(await storage.exists(key)).toBe(true);
    });

    it('stores strings, streams and files', async () => {
      const base = ns();
      await storage.put(`${base}/a.txt`, 'héllo');
      const chunks = Readable.from([Buffer.from('one,'), Buffer.from('two,'), Buffer.from('three')]);
      const streamed = await storage.put(`${base}/b.txt`, chunks);
      const file = path.join(scratch, `${base}.bin`);
      await writeFile(file, 'from a file');
      const filed = await storage.putFile(`${base}/c.bin`, file);

      expect(await text((await storage.get(`${base}/a.txt`)).body)).toBe('héllo');
      expect(await text((await storage.get(`${base}/b.txt`)).body)).toBe('one,two,three');
      expect(streamed.size).toBe(13);
      expect(filed.size).toBe(11);
      expect((await storage.head(`${base}/c.bin`))?.contentType).toBe('application/octet-stream');
    });

    it('overwrites an object and changes its etag', async () => {
      const key = `${ns()}/poster.jpg`;
      const first = await storage.put(key, Buffer.from('first'));
      const second = await storage.put(key, Buffer.from('second!'));
      expect(second.etag).not.toBe(first.etag);
      expect(await text((await storage.get(key)).body)).toBe('second!');
      expect((await storage.head(key))?.size).toBe(7);
    });

    it('round-trips a large stream byte for byte (multipart on S3)', async () => {
      const key = `${ns()}/big.mp4`;
      const bytes = randomBytes(6 * 1024 * 1024 + 123);
      const pieces = Array.from({ length: 13 }, (_, i) => bytes.subarray(i * 500_000, (i + 1) * 500_000));
      const put = await storage.put(key, Readable.from(pieces));
      expect(put.size).toBe(bytes.length);
      const object = await storage.get(key);
      const hash = createHash('sha256');
      for await (const chunk of object.body) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(object.size).toBe(bytes.length);
    });

    it('never shows an object before its write completes', async () => {
      const key = `${ns()}/slow.m4s`;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      async function* slowly(): AsyncGenerator<Buffer> {
        yield Buffer.from('head-');
        await gate;
        yield Buffer.from('tail');
      }
      const writing = storage.put(key, Readable.from(slowly()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await storage.exists(key)).toBe(false);
      release();
      await writing;
      expect(await text((await storage.get(key)).body)).toBe('head-tail');
    });

    it('reads byte ranges, clamping the end like S3', async () => {
      const key = `${ns()}/seg.m4s`;
      await storage.put(key, Buffer.from('0123456789'));

      const middle = await storage.get(key, { range: { start: 2, end: 5 } });
      expect(await text(middle.body)).toBe('2345');
      expect(middle).toMatchObject({ size: 10, contentLength: 4, range: { start: 2, end: 5 } });

      const tail = await storage.get(key, { range: { start: 7 } });
      expect(await text(tail.body)).toBe('789');
      expect(tail.range).toEqual({ start: 7, end: 9 });

      const clamped = await storage.get(key, { range: { start: 8, end: 500 } });
      expect(await text(clamped.body)).toBe('89');
      expect(clamped).toMatchObject({ contentLength: 2, range: { start: 8, end: 9 } });

      await expectCode(storage.get(key, { range: { start: 10 } }), 'storage_range_not_satisfiable');
      await expectCode(storage.get(key, { range: { start: 5, end: 2 } }), 'storage_range_invalid');
      await expectCode(storage.get(key, { range: { start: -1 } }), 'storage_range_invalid');
    });

    it('reports missing objects', async () => {
      const key = `${ns()}/missing.m3u8`;
      await expectCode(storage.get(key), 'storage_object_not_found');
      await expectCode(storage.get(key, { range: { start: 0, end: 1 } }), 'storage_object_not_found');
      expect(await storage.head(key)).toBeNull();
      expect(await storage.exists(key)).toBe(false);
    });

    it('deletes one key, idempotently', async () => {
      const base = ns();
      await storage.put(`${base}/a/one.txt`, 'one');
      await storage.put(`${base}/a/two.txt`, 'two');
      await storage.delete(`${base}/a/one.txt`);
      await storage.delete(`${base}/a/one.txt`);
      await storage.delete(`${base}/never/was.txt`);
      expect(await storage.exists(`${base}/a/one.txt`)).toBe(false);
      expect(await storage.exists(`${base}/a/two.txt`)).toBe(true);
    });

    it('lists by string prefix, sorted, whole-segment or partial', async () => {
      const base = ns();
      for (const key of ['v/a/2.m4s', 'v/a/1.m4s', 'v/a/deep/3.m4s', 'v/ab/4.m4s', 'w/5.m4s']) {
        await storage.put(`${base}/${key}`, key);
      }
      const keys = async (prefix: string): Promise<string[]> =>
        (await storage.list(`${base}/${prefix}`)).map((o) => o.key.slice(base.length + 1));

      expect(await keys('v/a/')).toEqual(['v/a/1.m4s', 'v/a/2.m4s', 'v/a/deep/3.m4s']);
      expect(await keys('v/a')).toEqual(['v/a/1.m4s', 'v/a/2.m4s', 'v/a/deep/3.m4s', 'v/ab/4.m4s']);
      expect(await keys('v/a/1')).toEqual(['v/a/1.m4s']);
      expect(await keys('nothing/')).toEqual([]);
      const listed = await storage.list(`${base}/`);
      expect(listed).toHaveLength(5);
      expect(listed[0]).toMatchObject({ size: 9, contentType: 'video/iso.segment' });
      expect((await storage.list('')).length).toBeGreaterThanOrEqual(5);
    });

    it('deletes everything under a prefix and nothing else', async () => {
      const base = ns();
      for (const key of ['v1/720p/a.m4s', 'v1/720p/b.m4s', 'v1/master.m3u8', 'v10/x.m4s', 'v2/y.m4s']) {
        await storage.put(`${base}/${key}`, key);
      }
      expect(await storage.deletePrefix(`${base}/v1/`)).toBe(3);
      expect((await storage.list(`${base}/`)).map((o) => o.key)).toEqual([`${base}/v10/x.m4s`, `${base}/v2/y.m4s`]);
      expect(await storage.deletePrefix(`${base}/v1`)).toBe(1);
      expect(await storage.deletePrefix(`${base}/nothing/`)).toBe(0);
      expect((await storage.list(`${base}/`)).map((o) => o.key)).toEqual([`${base}/v2/y.m4s`]);
      await expectCode(storage.deletePrefix(''), 'storage_prefix_invalid');
    });

    it('refuses keys that are not plain relative paths', async () => {
      const bad = [
        '../escape.txt',
        'a/../../escape.txt',
        '/etc/passwd',
        'a\u0000b',
        'a//b',
        '',
        'a/',
        'a\\b',
        './a',
        '.staging/x',
      ];
      for (const key of bad) {
        await expectCode(storage.put(key, 'x'), 'storage_key_invalid');
        await expectCode(storage.get(key), 'storage_key_invalid');
        await expectCode(storage.head(key), 'storage_key_invalid');
        await expectCode(storage.delete(key), 'storage_key_invalid');
      }
      await expectCode(storage.list('../'), 'storage_prefix_invalid');
      await expectCode(storage.deletePrefix('a/../'), 'storage_prefix_invalid');
    });
  });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

storageContract('local disk', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'storage-local-'));
  return {
    storage: new LocalDiskStorage({ root: path.join(root, 'media') }),
    close: () => rm(root, { recursive: true, force: true }),
  };
});

storageContract('S3 (s3rver)', () => startS3rver());
