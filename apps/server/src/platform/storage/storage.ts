import type { Readable } from 'node:stream';

/**
 * Object storage as the rest of the server sees it: flat keys such as
 * `videos/<id>/v3/720p/seg_001.m4s`, whole-object writes, streamed (optionally ranged) reads.
 * Both drivers honour the same contract (`storage.contract.test.ts`).
 *
 * The content type of an object is always derived from its key's extension (see `keys.ts`), so the
 * two drivers agree without the local disk having to keep metadata beside each file.
 */
export interface Storage {
  readonly driver: 'local' | 's3';
  /** Writes a whole object; a reader never sees a half-written one. Overwrites. */
  put(key: string, body: StorageBody): Promise<PutResult>;
  /** Writes the file at `filePath` as the object `key` (multipart for large files on S3). */
  putFile(key: string, filePath: string): Promise<PutResult>;
  /** Opens the object for reading; throws `storage_object_not_found` when it is missing. */
  get(key: string, options?: GetOptions): Promise<ObjectStream>;
  /** Metadata of the object, or null when it is missing. */
  head(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes one object; deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (non-empty); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every object whose key starts with `prefix` (`''` for all), sorted by key. */
  list(prefix: string): Promise<StoredObject[]>;
}

export type StorageBody = Buffer | Uint8Array | string | Readable;

/** An inclusive byte range, as in `Range: bytes=start-end`; `end` defaults to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface GetOptions {
  range?: ByteRange;
}

export interface PutResult {
  key: string;
  size: number;
  etag: string;
}

export interface StoredObject {
  key: string;
  size: number;
  /** Opaque; changes when the content is replaced. Never quoted. */
  etag: string;
  lastModified: Date;
  contentType: string;
}

export interface ObjectStream extends StoredObject {
  body: Readable;
  /** Bytes `body` yields: the range length when a range was asked, else `size`. */
  contentLength: number;
  /** The inclusive range actually served (`end` clamped to the last byte). */
  range?: { start: number; end: number };
}
