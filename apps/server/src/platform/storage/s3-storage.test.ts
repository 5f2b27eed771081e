import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage } from './s3-storage.js';
import { startS3rver } from './test-s3rver.js';

describe('S3Storage', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  const commands: string[] = [];

  beforeAll(async () => {
    s3 = await startS3rver();
    s3.storage.client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
  });
  afterAll(() => s3?.close());

  it('sends a small body in one PutObject and a large one as a multipart upload', async () => {
    commands.length = 0;
    await s3.storage.put('m/small.m4s', Buffer.from('tiny'));
    expect(commands).toEqual(['PutObjectCommand']);

    commands.length = 0;
    const big = randomBytes(5 * 1024 * 1024 + 10);
    await s3.storage.put('m/big.mp4', Readable.from([big.subarray(0, 1_000_000), big.subarray(1_000_000)]));
    expect(commands).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    expect((await s3.storage.head('m/big.mp4'))?.size).toBe(big.length);
  });

  it('configures retries and timeouts on the client', async () => {
    const storage = new S3Storage({ bucket: 'b', maxAttempts: 5, requestTimeoutMs: 1234 });
    expect(await storage.client.config.maxAttempts()).toBe(5);
    storage.client.destroy();
  });

  it('turns an unreachable service into storage_unavailable', async () => {
    // Nothing listens on port 9 (discard) of the loopback interface in the test sandbox.
    const storage = new S3Storage({
      bucket: 'b',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
      connectionTimeoutMs: 500,
    });
    await expect(storage.put('a/b.txt', 'x')).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(storage.head('a/b.txt')).rejects.toMatchObject({ code: 'storage_unavailable' });
    storage.client.destroy();
  });
});
