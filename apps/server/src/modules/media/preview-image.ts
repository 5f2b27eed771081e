import { isUuid } from '../../platform/ids';
import type { MediaDeps } from './deps';
import { findMedia } from './repo';

const DAY_SECONDS = 86_400;

/**
 * The poster of a ready media item for a shared link's preview (og:image), signed for at least
 * `SHARE_IMAGE_TOKEN_SECONDS`. The expiry is rounded up to the next UTC midnight, so every preview
 * built on one day names the same URL and caches keep it. The URL stays authorised like any
 * playback URL: it stops at once when the media is deleted or taken down. Null when the media does
 * not exist, is not ready, has no poster or is withheld.
 */
export async function previewImageUrl(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'config' | 'urls'>,
  mediaId: string,
): Promise<string | null> {
  if (!isUuid(mediaId)) return null;
  const row = await findMedia(deps.db, mediaId);
  if (!row || row.withheldAt !== null || row.readyVersion === null || !row.posterKey) return null;
  const file = row.posterKey.slice(row.readyPrefix?.length ?? 0);
  const earliest = Math.floor(deps.clock.now().getTime() / 1000) + deps.config.SHARE_IMAGE_TOKEN_SECONDS;
  const expiresAt = Math.ceil(earliest / DAY_SECONDS) * DAY_SECONDS;
  return deps.urls.fileUrlUntil(row.id, row.readyVersion, file, expiresAt);
}
