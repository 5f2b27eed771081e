import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { MediaDeps } from './deps';
import { completeUpload } from './complete-upload';
import { insertMedia } from './repo';
import { checkUploadCreation } from './upload-rules';

/**
 * Brings a local file through the same pipeline as an upload (demo data, imports): the same
 * size and type checks, then processing as if the last byte had just arrived. Returns the media id.
 */
export async function importMediaFile(
  deps: MediaDeps,
  input: { ownerId: string; file: string; filename: string; contentType: string },
): Promise<string> {
  const { size } = await stat(input.file);
  const b64 = (v: string): string => Buffer.from(v).toString('base64');
  const declared = checkUploadCreation(
    {
      uploadLength: String(size),
      uploadDeferLength: undefined,
      metadata: `filetype ${b64(input.contentType)},filename ${b64(input.filename)}`,
    },
    // The caller vouches for the owner (a provisioned maker); roles are checked at upload only.
    { roles: ['maker'] },
    { maxBytes: deps.config.MAX_UPLOAD_BYTES, maxImageBytes: deps.config.MAX_IMAGE_UPLOAD_BYTES },
  );
  const mediaId = randomUUID();
  await deps.uploads.importFile(mediaId, input.file);
  await insertMedia(deps.db, {
    id: mediaId,
    ownerId: input.ownerId,
    kind: declared.kind,
    declaredSize: size,
    declaredType: declared.type,
    filename: declared.filename,
    now: deps.clock.now(),
  });
  await completeUpload(deps, mediaId);
  return mediaId;
}
