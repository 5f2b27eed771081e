import path from 'node:path';
import type { Config } from '../../config';
import { createStorage, type Storage } from '../../platform/storage';

/** The storage driver holding renditions (and, with S3, the uploads too), as configured. */
export function createMediaStorage(config: Config): Storage {
  switch (config.STORAGE_DRIVER) {
    case 'local':
      return createStorage({ driver: 'local', root: path.resolve(config.DATA_DIR, 'media') });
    case 's3':
      return createStorage({
        driver: 's3',
        bucket: config.S3_BUCKET!,
        region: config.S3_REGION,
        ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
          : {}),
      });
    default: {
      const unknown: never = config.STORAGE_DRIVER;
      throw new Error(`unknown storage driver ${String(unknown)}`);
    }
  }
}

/** Folder of every file of a media item, and of one of its versions. */
export const mediaPrefix = (mediaId: string): string => `media/${mediaId}/`;
export const versionPrefix = (mediaId: string, version: number): string => `media/${mediaId}/v${version}/`;
