import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type * as S3Uploads from '@aws-sdk/lib-storage';
import { DomainError } from '../errors.js';
import {
  assertDeletablePrefix,
  assertValidKey,
  assertValidPrefix,
  contentTypeForKey,
  objectNotFound,
  rangeNotSatisfiable,
  resolveRange,
} from './keys.js';
import type { GetOptions, ObjectStream, PutResult, Storage, StorageBody, StoredObject } from './storage.js';
import { providerSdk } from '../provider-sdk.js';

const s3Sdk = providerSdk<typeof S3>('@aws-sdk/client-s3');
const s3UploadsSdk = providerSdk<typeof S3Uploads>('@aws-sdk/lib-storage');

export interface S3StorageOptions {
  bucket: string;
  region?: string;
  /** For S3-compatible services (MinIO, R2, …); omit for AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible services need. */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (environment, instance role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Attempts per request, first included; the SDK backs off exponentially with jitter. */
  maxAttempts?: number;
  /** Time allowed from sending a request until the response headers arrive. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /** Idle time allowed on a socket while a body streams. */
  socketTimeoutMs?: number;
  /** Multipart part size (min 5 MiB); bodies smaller than one part go up in one request. */
  partSizeBytes?: number;
  /** Parts uploaded in parallel; memory use is about partSize × queueSize. */
  uploadQueueSize?: number;
  /**
   * `when_required` (default) sends checksums only where the API demands them: several
   * S3-compatible services reject the SDK's newer default (trailing CRC32 on every upload).
   */
  checksums?: 'when_required' | 'when_supported';
}

const MIN_PART_SIZE = 5 * 1024 * 1024;
const DELETE_BATCH = 1000;

/** Objects in one S3 (or S3-compatible) bucket. */
export class S3Storage implements Storage {
  readonly driver = 's3' as const;
  readonly client: S3Client;
  /** The S3 SDK, loaded when the first S3 storage is built. */
  private readonly sdk = s3Sdk();
  private readonly bucket: string;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.partSize = Math.max(MIN_PART_SIZE, options.partSizeBytes ?? 8 * 1024 * 1024);
    this.queueSize = Math.max(1, options.uploadQueueSize ?? 4);
    const checksums = options.checksums === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? false,
      maxAttempts: options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestChecksumCalculation: checksums,
      responseChecksumValidation: checksums,
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 5_000,
        requestTimeout: options.requestTimeoutMs ?? 30_000,
        throwOnRequestTimeout: true,
        socketTimeout: options.socketTimeoutMs ?? 60_000,
      },
    };
    if (options.endpoint) config.endpoint = options.endpoint;
    if (options.credentials) config.credentials = options.credentials;
    this.client = new this.sdk.S3Client(config);
  }

  async put(key: string, body: StorageBody): Promise<PutResult> {
    assertValidKey(key);
    if (typeof body === 'string' || body instanceof Uint8Array) {
      const bytes = Buffer.from(body);
      return this.upload(key, bytes, bytes.length);
    }
    // Count what streams through, since a stream's length is only known at its end.
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    body.on('error', (error) => counted.destroy(error));
    body.pipe(counted);
    const result = await this.upload(key, counted, undefined);
    return { ...result, size };
  }

  async putFile(key: string, filePath: string): Promise<PutResult> {
    assertValidKey(key);
    const { size } = await stat(filePath);
    return this.upload(key, createReadStream(filePath), size);
  }

  async get(key: string, options: GetOptions = {}): Promise<ObjectStream> {
    assertValidKey(key);
    let rangeHeader: string | undefined;
    if (options.range) {
      // Validate the shape here; whether it fits the object is S3's answer (416).
      const { start, end } = resolveRange(options.range, Number.MAX_SAFE_INTEGER);
      rangeHeader = `bytes=${start}-${options.range.end === undefined ? '' : end}`;
    }
    const response = await this.send(key, () =>
      this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, Range: rangeHeader })),
    );
    if (!(response.Body instanceof Readable)) {
      throw unavailable('GetObject returned no readable body', undefined);
    }
    const served = parseContentRange(response.ContentRange);
    const contentLength = Number(response.ContentLength ?? 0);
    const size = served?.size ?? contentLength;
    return {
      key,
      size,
      etag: normalizeEtag(response.ETag),
      lastModified: response.LastModified ?? new Date(0),
      contentType: contentTypeForKey(key),
      body: response.Body,
      contentLength,
      ...(options.range && served ? { range: { start: served.start, end: served.end } } : {}),
    };
  }

  async head(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const response = await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: Number(response.ContentLength ?? 0),
        etag: normalizeEtag(response.ETag),
        lastModified: response.LastModified ?? new Date(0),
        contentType: contentTypeForKey(key),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw unavailable('HeadObject failed', error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.send(key, () => this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertDeletablePrefix(prefix);
    const keys = (await this.list(prefix)).map((object) => object.key);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const response = await this.send(prefix, () =>
        this.client.send(
          new this.sdk.DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        ),
      );
      const failed = response.Errors ?? [];
      if (failed.length > 0) {
        throw unavailable(`DeleteObjects failed for ${failed.length} keys`, failed[0]);
      }
    }
    return keys.length;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertValidPrefix(prefix);
    const objects: StoredObject[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.send(prefix, () =>
        this.client.send(
          new this.sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix === '' ? undefined : prefix,
            ContinuationToken: continuationToken,
          }),
        ),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        objects.push({
          key: item.Key,
          size: Number(item.Size ?? 0),
          etag: normalizeEtag(item.ETag),
          lastModified: item.LastModified ?? new Date(0),
          contentType: contentTypeForKey(item.Key),
        });
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async upload(key: string, body: Buffer | Readable, size: number | undefined): Promise<PutResult> {
    const { Upload } = s3UploadsSdk();
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentTypeForKey(key),
        ...(size === undefined ? {} : { ContentLength: size }),
      },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    const result = await this.send(key, () => upload.done());
    return { key, size: size ?? 0, etag: normalizeEtag(result.ETag) };
  }

  /** Runs one SDK call, turning its failures into the storage error codes. */
  private async send<T>(key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (isNotFound(error)) throw objectNotFound(key);
      if (statusOf(error) === 416 || nameOf(error) === 'InvalidRange') {
        throw rangeNotSatisfiable(0, undefined);
      }
      throw unavailable(`S3 request failed for ${key}`, error);
    }
  }
}

function unavailable(message: string, cause: unknown): DomainError {
  // Only the error's name and status travel on: messages may echo request details.
  return new DomainError('storage_unavailable', message, { cause: nameOf(cause), status: statusOf(cause) });
}

function nameOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('name' in error && typeof error.name === 'string') return error.name;
  if ('Code' in error && typeof error.Code === 'string') return error.Code;
  return undefined;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const metadata = error.$metadata;
  if (typeof metadata !== 'object' || metadata === null || !('httpStatusCode' in metadata)) {
    return undefined;
  }
  return typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

function isNotFound(error: unknown): boolean {
  const name = nameOf(error);
  if (name === 'NoSuchBucket') return false; // a misconfiguration, not a missing object
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

function normalizeEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/"/g, '');
}

function parseContentRange(header: string | undefined): { start: number; end: number; size: number } | undefined {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header) : null;
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}
