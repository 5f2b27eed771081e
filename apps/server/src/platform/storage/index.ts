import { LocalDiskStorage, type LocalDiskStorageOptions } from './local-disk-storage.js';
import { S3Storage, type S3StorageOptions } from './s3-storage.js';
import type { Storage } from './storage.js';

export type { ByteRange, GetOptions, ObjectStream, PutResult, Storage, StorageBody, StoredObject } from './storage.js';
export { LocalDiskStorage, type LocalDiskStorageOptions } from './local-disk-storage.js';
export { S3Storage, type S3StorageOptions } from './s3-storage.js';
export { assertValidKey, assertValidPrefix, contentTypeForKey } from './keys.js';

export type StorageConfig = ({ driver: 'local' } & LocalDiskStorageOptions) | ({ driver: 's3' } & S3StorageOptions);

/** Builds the configured storage driver. */
export function createStorage(config: StorageConfig): Storage {
  switch (config.driver) {
    case 'local':
      return new LocalDiskStorage(config);
    case 's3':
      return new S3Storage(config);
    default: {
      const unknown: never = config;
      throw new Error(`unknown storage driver ${JSON.stringify(unknown)}`);
    }
  }
}
