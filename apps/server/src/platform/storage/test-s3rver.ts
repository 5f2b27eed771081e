import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3Storage, type S3StorageOptions } from './s3-storage.js';

/** Test support: an s3rver on a free loopback port with its own temp folder and one bucket. */
export async function startS3rver(
  options: Partial<S3StorageOptions> = {},
): Promise<{ storage: S3Storage; endpoint: string; close(): Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), 'storage-s3rver-'));
  const bucket = 'media-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storage = new S3Storage({
    bucket,
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    partSizeBytes: 5 * 1024 * 1024,
    maxAttempts: 2,
    ...options,
  });
  return {
    storage,
    endpoint,
    close: async () => {
      storage.client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
