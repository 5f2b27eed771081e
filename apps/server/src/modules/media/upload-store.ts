import { createWriteStream } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type * as TusS3 from '@tus/s3-store';
import type { DataStore } from '@tus/utils';
import type { Config } from '../../config';
import { providerSdk } from '../../platform/provider-sdk';
import type { Storage } from '../../platform/storage';

const tusS3Sdk = providerSdk<typeof TusS3>('@tus/s3-store');

/**
 * Where tus keeps the original bytes of an upload: a folder on local disk (`DATA_DIR/uploads`),
 * or the S3 bucket under `uploads/` so clients upload straight into object storage. The original
 * is kept after processing: studio edits re-run the pipeline from it.
 */
export interface UploadStore {
  readonly datastore: DataStore;
  /** The tus upload id of a media item's upload. */
  uploadId(mediaId: string): string;
  /** A local file holding the whole upload; downloaded into `scratchDir` when it is remote. */
  localCopy(mediaId: string, scratchDir: string): Promise<string>;
  /** Deletes the upload, finished or not; a missing upload is not an error. */
  remove(mediaId: string): Promise<void>;
  /** Stores a whole local file as a finished upload (imports that do not go through tus). */
  importFile(mediaId: string, file: string): Promise<void>;
}

export function createUploadStore(config: Config, storage: Storage): UploadStore {
  switch (config.STORAGE_DRIVER) {
    case 'local':
      return localUploads(path.resolve(config.DATA_DIR, 'uploads'));
    case 's3':
      return s3Uploads(config, storage);
    default: {
      const unknown: never = config.STORAGE_DRIVER;
      throw new Error(`unknown storage driver ${String(unknown)}`);
    }
  }
}

function localUploads(directory: string): UploadStore {
  const datastore = new FileStore({ directory });
  return {
    datastore,
    uploadId: (mediaId) => mediaId,
    // ffmpeg only reads the file, so it is used where it lies.
    localCopy: async (mediaId) => path.join(directory, mediaId),
    remove: (mediaId) => removeQuietly(datastore, mediaId),
    importFile: async (mediaId, file) => {
      await mkdir(directory, { recursive: true });
      await copyFile(file, path.join(directory, mediaId));
    },
  };
}

const S3_UPLOAD_PREFIX = 'uploads/';

function s3Uploads(config: Config, storage: Storage): UploadStore {
  const { S3Store } = tusS3Sdk();
  const datastore = new S3Store({
    partSize: 8 * 1024 * 1024,
    s3ClientConfig: {
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
        : {}),
    },
  });
  const uploadId = (mediaId: string): string => `${S3_UPLOAD_PREFIX}${mediaId}`;
  return {
    datastore,
    uploadId,
    localCopy: async (mediaId, scratchDir) => {
      const file = path.join(scratchDir, 'source');
      const object = await storage.get(uploadId(mediaId));
      await pipeline(object.body, createWriteStream(file));
      return file;
    },
    remove: async (mediaId) => {
      // tus aborts an unfinished multipart upload (its parts are not objects yet); should its
      // bookkeeping be unreadable, the objects below still go.
      await removeQuietly(datastore, uploadId(mediaId)).catch(() => undefined);
      // The finished object, its `.info` sidecar and any `.part`, whatever tus left behind.
      await storage.deletePrefix(uploadId(mediaId));
    },
    importFile: async (mediaId, file) => {
      await storage.putFile(uploadId(mediaId), file);
    },
  };
}

async function removeQuietly(datastore: DataStore, id: string): Promise<void> {
  try {
    await datastore.remove(id);
  } catch (err) {
    // tus reports a missing upload as `{status_code: 404}`; anything else is a real failure.
    if ((err as { status_code?: number }).status_code !== 404) throw err;
  }
}
