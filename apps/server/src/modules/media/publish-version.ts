import path from 'node:path';
import type { Storage } from '../../platform/storage';
import { queueFileRemoval } from './delete-media';
import type { MediaDeps } from './deps';
import { POSTER_FILE, THUMB_FILE } from './playback-urls';
import { findVersion, lockMedia, updateMedia, updateVersion } from './repo';

/** What a finished run of the pipeline produced, to be published as the playing version. */
export interface VersionOutcome {
  /** Null for still images. */
  durationMs: number | null;
  width: number;
  height: number;
  hasCaptions: boolean;
  /** A thumbnail was made from the poster. */
  hasThumbnail: boolean;
}

// Playlists go last, so a player never finds a playlist naming a segment not yet stored.
const isPlaylist = (file: string): boolean => file.endsWith('.m3u8');

/** Uploads a version's files (overwriting what an earlier, interrupted attempt left). */
export async function uploadOutputs(
  storage: Storage,
  outputDir: string,
  files: string[],
  prefix: string,
): Promise<void> {
  const upload = async (batch: string[]): Promise<void> => {
    const queue = [...batch];
    const worker = async (): Promise<void> => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await storage.putFile(`${prefix}${file}`, path.join(outputDir, file));
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  };
  await upload(files.filter((f) => !isPlaylist(f)));
  await upload(files.filter(isPlaylist));
}

export type PublishResult = 'published' | 'superseded' | 'deleted';

/**
 * Makes a processed version the one playing, in one transaction: the previous version keeps
 * playing until this commits. The previous version's files are removed once every playback token
 * signed for it has expired. A version superseded by a newer edit (or of deleted media) is not
 * published and its files are removed.
 */
export async function publishVersion(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'config'>,
  mediaId: string,
  version: number,
  outcome: VersionOutcome,
): Promise<PublishResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const media = await lockMedia(tx, mediaId);
    const row = await findVersion(tx, mediaId, version);
    if (!media || !row || row.status !== 'processing') {
      if (row) await queueFileRemoval(tx, { mediaId, prefix: row.prefix });
      return media ? 'superseded' : 'deleted';
    }
    await updateVersion(tx, mediaId, version, {
      status: 'ready',
      progress: 100,
      posterKey: `${row.prefix}${POSTER_FILE}`,
      thumbKey: outcome.hasThumbnail ? `${row.prefix}${THUMB_FILE}` : null,
      hasCaptions: outcome.hasCaptions,
      durationMs: outcome.durationMs,
      width: outcome.width,
      height: outcome.height,
      leaseExpiresAt: null,
      errorCode: null,
      errorMessage: null,
      readyAt: now,
    });
    if (media.readyVersion !== null && media.readyVersion !== version && media.readyPrefix) {
      await updateVersion(tx, mediaId, media.readyVersion, { status: 'superseded' });
      const graceMs = (deps.config.PLAYBACK_TOKEN_SECONDS + 60) * 1000;
      await queueFileRemoval(tx, { mediaId, prefix: media.readyPrefix }, new Date(now.getTime() + graceMs));
    }
    await updateMedia(tx, mediaId, {
      status: 'ready',
      progress: 100,
      errorCode: null,
      errorMessage: null,
      readyVersion: version,
      readyPrefix: row.prefix,
      posterKey: `${row.prefix}${POSTER_FILE}`,
      thumbKey: outcome.hasThumbnail ? `${row.prefix}${THUMB_FILE}` : null,
      durationMs: outcome.durationMs,
      width: outcome.width,
      height: outcome.height,
      updatedAt: now,
    });
    return 'published';
  });
}
